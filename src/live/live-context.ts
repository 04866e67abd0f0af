/**
 * The context of a `graphChanged` subscription. A subscription lives for hours, but a request
 * context is made for one request: its deadline (GRAPHQL_REQUEST_TIMEOUT_MS) and its loaders'
 * caches would expire or go stale. So each change pushed is resolved like a request of its own:
 * before it, the context's services and scope are replaced by fresh ones.
 */
import type { RequestContext } from "../request-context";
import type { ChangeFollower, LiveEvent } from "./change-follower";

export interface LiveSession {
  readonly follower: ChangeFollower;
  /** The subscription's events, each resolved with a fresh request context. */
  renewingEach(events: AsyncIterableIterator<LiveEvent>): AsyncIterableIterator<LiveEvent>;
}

/** What resolvers see over WebSocket: a request context, renewed per event, and the live session. */
export interface LiveContext extends RequestContext {
  /** Absent over HTTP, where subscriptions are not served. */
  readonly live?: LiveSession;
}

export function createLiveContext(createContext: () => RequestContext, follower: ChangeFollower): LiveContext {
  const context: LiveContext = { ...createContext() };
  const renew = () => {
    context.scope.end();
    Object.assign(context, createContext());
  };
  const live: LiveSession = {
    follower,
    renewingEach: (events) => {
      const iterator: AsyncIterableIterator<LiveEvent> = {
        next: async () => {
          const result = await events.next();
          if (!result.done) renew();
          return result;
        },
        return: async () => {
          context.scope.end();
          return (await events.return?.()) ?? { value: undefined, done: true };
        },
        throw: async (error?: unknown) => {
          context.scope.end();
          if (events.throw) return events.throw(error);
          throw error;
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
  return Object.assign(context, { live });
}
