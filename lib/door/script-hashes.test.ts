import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, withScriptHashes } from './script-hashes';

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
});
