import { listingRoute } from '../../../../_listing/listing-route';

const route = listingRoute('author', 'id');

export const generateStaticParams = route.laterPages;
export const generateMetadata = route.generateMetadata;
export default route.Page;
