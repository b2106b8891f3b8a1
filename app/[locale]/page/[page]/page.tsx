// Pages 2, 3… of the home listing; page 1 is the front page itself.
import { listingRoute } from '../../_listing/listing-route';

const route = listingRoute('home');

export const generateStaticParams = route.laterPages;
export const generateMetadata = route.generateMetadata;
export default route.Page;
