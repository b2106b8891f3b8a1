// Types for lib/security-headers.mjs (plain JavaScript, which next.config.js loads as it is).
export const securityHeaders: { key: string; value: string }[];
