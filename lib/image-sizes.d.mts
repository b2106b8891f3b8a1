// Types for lib/image-sizes.mjs (plain JavaScript, which next.config.js loads as it is).
export const deviceSizes: number[];
export const imageSizes: number[];
export const qualities: number[];
