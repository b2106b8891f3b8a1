import { useLocale } from 'next-intl';
import { NotFoundMessage } from '@/components/layout/not-found-message';

// Shown when a page of this locale calls notFound() while it renders.
export default function LocaleNotFound() {
  return <NotFoundMessage locale={useLocale()} />;
}
