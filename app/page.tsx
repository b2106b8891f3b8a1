import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/site-link';
import './globals.css';

// `/` in a static export (npm run build:static), where no server negotiates the script: the
// browser's first Chinese language picks it (zh-CN, zh-SG, zh-Hans: Simplified; any other:
// Traditional), as proxy.ts does from Accept-Language on a server, which never lets `/` reach here.
export const metadata: Metadata = { robots: { index: false } };

const choose = `(function(){var l=(navigator.languages||[navigator.language]).find(function(x){return /^zh\\b/i.test(x)})||'';location.replace(/^zh-(cn|sg|hans)/i.test(l)?'/zh-Hans/':'/zh-Hant/')})()`;

export default function ChooseScript() {
  return (
    <html lang="zh-Hant">
      <head>
        <script dangerouslySetInnerHTML={{ __html: choose }} />
        <noscript>
          <meta httpEquiv="refresh" content="0;url=/zh-Hant/" />
        </noscript>
      </head>
      <body className="flex min-h-screen items-center justify-center p-8">
        <p className="flex gap-6">
          <SiteLink className="underline" href="/zh-Hant/">
            繁體中文
          </SiteLink>
          <SiteLink className="underline" href="/zh-Hans/" lang="zh-Hans">
            简体中文
          </SiteLink>
        </p>
      </body>
    </html>
  );
}
