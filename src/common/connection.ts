/**
 * Relay connection types, generated per node type (type-graphql's generic-types pattern).
 */
import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { PageInfo } from "./pagination";

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function Connection<T extends object>(nodeType: ClassType<T>, nodeName: string, what: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this item; pass it as `after` to continue after it." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${nodeName}ConnectionBase`)
  abstract class ConnectionClass implements ConnectionShape<T> {
    @Field(() => [Edge], { description: "The items of this page with their cursors." })
    edges!: Edge[];

    @Field(() => [nodeType], { description: `The ${what}s of this page, without cursors (same order as \`edges\`).` })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Cursors and whether more pages follow." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${what}s match the filters, over all pages.` })
    totalCount!: number;
  }
  return ConnectionClass;
}
