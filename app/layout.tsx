import type { ReactNode } from 'react';

// The real root layout, with <html lang>, is app/[locale]/layout.tsx. This one exists so that
// app/not-found.tsx has a parent for URLs outside every locale.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
