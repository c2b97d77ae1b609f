// The whole product is a static SPA: nothing renders on a server.
export const ssr = false;
export const prerender = false;
