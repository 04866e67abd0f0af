/**
 * Relay connection types, generated per node type (type-graphql's generic-types pattern).
 */
import { Field, Int, ObjectType, type ClassType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "Where a page stands in its list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "True when more items follow; pass `endCursor` as `after` to get them." })
  hasNextPage!: boolean;

  @Field({ description: "True when this page was requested with `after` (items precede it)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of this page; null for an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of this page; null for an empty page." })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function Connection<T extends object>(nodeType: ClassType<T>, nodeName: string, what: string) {
  @ObjectType(`${nodeName}Edge`, { simpleResolvers: true, description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this item; pass it as `after` to continue after it." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${nodeName}ConnectionBase`, { simpleResolvers: true })
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
