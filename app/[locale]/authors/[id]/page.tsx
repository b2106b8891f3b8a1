import { listingRoute } from '../../_listing/listing-route';

const route = listingRoute('author', 'id');

export const generateStaticParams = route.firstPages;
export const generateMetadata = route.generateMetadata;
export default route.Page;
