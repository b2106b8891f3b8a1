import { expect, test } from './fixtures';
import { startRedis, type RedisServer } from '../bench/redis-server';
import { makeSiteCopy, type SiteCopy } from '../tests/site-copy';

// Two production servers behind one address share their page cache through Redis: a publish that
// tells only one of them is seen on both, and a page one of them rendered is served by the other.

const TOKEN = 'test-instances-token-0123456789';
const [A, B, REDIS] = [3191, 3192, 6391];
const SOURCE = 'content/articles/double-11-ten-years/zh-Hant.mdx';
const PAGE = '/zh-Hant/articles/double-11-ten-years';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

let site: SiteCopy;
let redis: RedisServer;

test.beforeAll(async () => {
  // Copying the build and starting servers takes a while on a busy machine.
  test.setTimeout(180_000);
  redis = await startRedis(REDIS);
  site = makeSiteCopy(A, TOKEN);
  await site.start({ REDIS_URL: redis.url }, A);
  await site.start({ REDIS_URL: redis.url }, B);
});

test.afterAll(async () => {
  await site?.stop();
  site?.remove();
  await redis?.stop();
});

const page = async (port: number, path: string) => {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), html: await response.text() };
};

test('both servers serve the build at first, then one publish told to one server changes both', async () => {
  for (const port of [A, B]) expect((await page(port, PAGE)).html).toContain('雙 11');

  site.write(SOURCE, site.read(SOURCE).replace('交易額在兩分多鐘內', '多台伺服器測試句，交易額在兩分多鐘內'));
  site.commit('Fix a sentence');
  const { status, output } = await site.publish({ PUBLISH_SERVERS: `http://127.0.0.1:${A}` });
  expect(status, output).toBe(0);

  // B was not told; it learns of the revalidation from Redis and renders the page afresh once.
  const fromB = await page(B, PAGE);
  expect(fromB.status).toBe(200);
  expect(fromB.html).toContain('多台伺服器測試句');
  expect((await page(A, PAGE)).html).toContain('多台伺服器測試句');
});

test('a page rendered by one server is served from the shared cache by the other', async () => {
  site.write(SOURCE, site.read(SOURCE).replace('多台伺服器測試句', '共用快取測試句'));
  site.commit('Fix it again');
  expect((await site.publish({ PUBLISH_SERVERS: `http://127.0.0.1:${B}` })).status).toBe(0);
  // The publish's own request rendered the page on B; A finds that copy in Redis.
  const fromA = await page(A, PAGE);
  expect(fromA.html).toContain('共用快取測試句');
  expect(fromA.cache).toBe('HIT');
});

test('with Redis gone, both servers keep serving pages', async () => {
  await redis.stop();
  for (const port of [A, B]) {
    for (const path of [PAGE, '/zh-Hans', '/zh-Hant/tags/alibaba']) {
      const { status } = await page(port, path);
      expect(status, `${port}${path}`).toBe(200);
    }
  }
});
