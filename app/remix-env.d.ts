import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** The per-request CSP nonce for scripts. */
    nonce: string;
    /** The client's IP address as the HTTP server saw it. */
    clientAddress: string;
  }
}
