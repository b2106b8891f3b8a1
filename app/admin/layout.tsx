import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '../globals.css';

// The editors' area: in Traditional Chinese (the newsroom's script), never indexed, never cached.
export const metadata: Metadata = { title: '觀潮科技編輯台', robots: { index: false, follow: false } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-Hant">
      <body className="min-h-screen bg-neutral-50 text-neutral-900 antialiased">
        <main className="mx-auto max-w-4xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
