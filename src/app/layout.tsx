import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Samvård", template: "%s – Samvård" },
  description: "Register för samarbetsvård vid depression och ångest i primärvården",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
