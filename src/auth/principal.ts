/**
 * Who sent a request: the name and role of the API key it carried. A leaf module (types only),
 * so the request context can name it without depending on the auth machinery.
 */
import type { Role } from "./role";

export interface Principal {
  /** The key's name (`npm run keys -- create --name …`); change records say `by` with it. */
  readonly keyName: string;
  readonly role: Role;
}
