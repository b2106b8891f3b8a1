// The shapes Google documents for the structured data this site sends, as checks that list what is
// missing or wrong (empty when the data is right):
// https://developers.google.com/search/docs/appearance/structured-data/article
// https://developers.google.com/search/docs/appearance/structured-data/breadcrumb
// https://developers.google.com/search/docs/appearance/structured-data/profile-page
// https://developers.google.com/search/docs/appearance/site-names (WebSite) and the SearchAction shape

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
// ISO 8601 with a time zone: Google reads a date-time without one as the crawler's own.
const dateTime = (v: unknown) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(v) &&
  !Number.isNaN(Date.parse(v));

/** Problems with one structured-data object, for URLs that must start with `origin`. */
export function shapeProblems(data: unknown, origin: string): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => void (ok || problems.push(what));
  const url = (v: unknown) => (typeof v === 'string' && v.startsWith(`${origin}/`)) || v === origin;
  if (!isObject(data)) return ['not an object'];
  need(data['@context'] === 'https://schema.org', '@context is https://schema.org');
  const type = data['@type'];
  if (type === 'NewsArticle' || type === 'AdvertiserContentArticle' || type === 'Article') {
    need(text(data.headline), 'headline');
    const images = list(data.image);
    need(images.length > 0, 'image');
    for (const image of images)
      need(isObject(image) ? url(image.url) : url(image), `image URL on the site: ${JSON.stringify(image)}`);
    need(dateTime(data.datePublished), `datePublished with a time zone: ${String(data.datePublished)}`);
    need(dateTime(data.dateModified), `dateModified with a time zone: ${String(data.dateModified)}`);
    const authors = list(data.author);
    need(authors.length > 0, 'author');
    for (const author of authors) {
      need(
        isObject(author) && (author['@type'] === 'Person' || author['@type'] === 'Organization') && text(author.name),
        'author is a Person or Organization with a name',
      );
      need(isObject(author) && url(author.url), 'author.url on the site');
    }
    const publisher = data.publisher;
    need(isObject(publisher) && text(publisher.name) && url(publisher.url), 'publisher with name and url');
    need(
      isObject(publisher) && isObject(publisher.logo) && url(publisher.logo.url),
      'publisher.logo as an ImageObject on the site',
    );
    need(typeof data.isAccessibleForFree === 'boolean', 'isAccessibleForFree');
    need(text(data.inLanguage), 'inLanguage');
    need(url(data.url), 'url on the site');
  } else if (type === 'BreadcrumbList') {
    const items = list(data.itemListElement);
    need(items.length > 0, 'itemListElement');
    items.forEach((item, i) => {
      need(isObject(item) && item['@type'] === 'ListItem', `item ${i + 1} is a ListItem`);
      need(isObject(item) && item.position === i + 1, `item ${i + 1} has position ${i + 1}`);
      need(isObject(item) && text(item.name), `item ${i + 1} has a name`);
      // Only the last item (the page itself) may go without its URL.
      if (i < items.length - 1 || (isObject(item) && item.item !== undefined))
        need(isObject(item) && url(item.item), `item ${i + 1} has a URL on the site`);
    });
  } else if (type === 'WebSite') {
    need(text(data.name), 'name');
    need(url(data.url), 'url on the site');
    const action = data.potentialAction;
    need(isObject(action) && action['@type'] === 'SearchAction', 'potentialAction is a SearchAction');
    const target = isObject(action) ? action.target : undefined;
    const template = isObject(target) ? target.urlTemplate : target;
    need(
      typeof template === 'string' && url(template) && template.includes('{search_term_string}'),
      'SearchAction target on the site with {search_term_string}',
    );
    need(
      isObject(action) && action['query-input'] === 'required name=search_term_string',
      'query-input names search_term_string',
    );
  } else if (type === 'ProfilePage') {
    const person = data.mainEntity;
    need(
      isObject(person) && (person['@type'] === 'Person' || person['@type'] === 'Organization'),
      'mainEntity is a Person or Organization',
    );
    need(isObject(person) && text(person.name), 'mainEntity.name');
    need(isObject(person) && url(person.url), 'mainEntity.url on the site');
  } else {
    problems.push(`a type this site does not send: ${String(type)}`);
  }
  return problems;
}
