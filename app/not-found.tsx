import { SiteLink } from '@/components/layout/site-link';
import './globals.css';

// Reached only by URLs the proxy does not send to a locale (such as a missing file with an
// extension). Both scripts are shown, since there is no locale to go by.
export default function GlobalNotFound() {
  return (
    <html lang="zh-Hant">
      <body className="flex min-h-screen items-center justify-center bg-white p-8 text-neutral-900 dark:bg-neutral-950 dark:text-neutral-100">
        <main className="max-w-md text-center">
          <h1 className="text-2xl font-bold">找不到這個頁面</h1>
          <p className="mt-2" lang="zh-Hans">
            找不到这个页面
          </p>
          <p className="mt-6 flex justify-center gap-6">
            <SiteLink className="underline" href="/zh-Hant">
              回到首頁
            </SiteLink>
            <SiteLink className="underline" href="/zh-Hans" lang="zh-Hans">
              回到首页
            </SiteLink>
          </p>
        </main>
      </body>
    </html>
  );
}
