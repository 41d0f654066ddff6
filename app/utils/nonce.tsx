import { createContext, useContext } from "react";

/** Carries the per-request CSP nonce from the server entry to the document's script tags. */
export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
