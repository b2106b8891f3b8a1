import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, newNonce, withScriptHashes, withScriptNonce } from './script-hashes';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes each script a browser would run, once', () => {
    const html = [
      '<script>self.__next_f.push([1,"a"])</script>',
      '<script id="theme">document.documentElement.classList.add("dark")</script>',
      '<script type="module">import("/x.js")</script>',
      '<script type="text/javascript">one()</script>',
      '<script>self.__next_f.push([1,"a"])</script>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([
      sha('self.__next_f.push([1,"a"])'),
      sha('document.documentElement.classList.add("dark")'),
      sha('import("/x.js")'),
      sha('one()'),
    ]);
  });

  it('leaves out scripts with a src, data blocks and empty scripts', () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script async src=/b.js>ignored()</script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      "<script type='application/json'>{}</script>",
      '<script></script>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([]);
  });

  it('hashes the text as the HTML parser reads it: up to the first </script, CR LF as LF', () => {
    expect(inlineScriptHashes('<script>a()\r\nb()\rc()</script>')).toEqual([sha('a()\nb()\nc()')]);
    expect(inlineScriptHashes('<SCRIPT>x()</SCRIPT >')).toEqual([sha('x()')]);
    expect(inlineScriptHashes('<script>"é 中文"</script>')).toEqual([sha('"é 中文"')]);
  });
});

describe('withScriptHashes', () => {
  const policy =
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; object-src 'none'";

  it("replaces 'unsafe-inline' in script-src alone with the hashes", () => {
    expect(withScriptHashes(policy, ["'sha256-AAA='", "'sha256-BBB='"])).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'unsafe-inline'; object-src 'none'",
    );
  });

  it('allows no inline script when the page has none', () => {
    expect(withScriptHashes(policy, [])).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('drops a nonce the policy named: a page sent again was made for another request', () => {
    const named = withScriptNonce(policy, 'b2xk');
    expect(named).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'nonce-b2xk' 'sha256-/);
    const again = withScriptHashes(named, ["'sha256-AAA='"]);
    expect(again).not.toContain("'nonce-");
    expect(again).toMatch(/script-src [^;]* 'sha256-AAA=';/);
  });
});

describe('withScriptNonce', () => {
  it('names a fresh nonce of 128 bits, as Next reads it, and no unsafe-inline', () => {
    const nonce = newNonce();
    expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    expect(nonce).not.toBe(newNonce());
    const named = withScriptNonce("script-src 'self' 'unsafe-inline'", nonce);
    expect(/^script-src [^;]*'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(named)?.[1]).toBe(nonce);
    expect(named).not.toContain("'unsafe-inline'");
  });

  it('never gives the same nonce twice, across the refills of its pool of random bytes', () => {
    const nonces = Array.from({ length: 1000 }, newNonce);
    expect(new Set(nonces).size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
