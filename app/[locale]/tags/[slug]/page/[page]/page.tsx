import { listingRoute } from '../../../../_listing/listing-route';

const route = listingRoute('tag', 'slug');

export const generateStaticParams = route.laterPages;
export const generateMetadata = route.generateMetadata;
export default route.Page;
