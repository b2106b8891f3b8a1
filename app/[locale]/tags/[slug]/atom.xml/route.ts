import { feedRoute } from '@/lib/feed-route';

const route = feedRoute('tag', 'atom', 'slug');
export const dynamic = 'force-static';
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
