import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { pageComplexity } from "../common/complexity";
import type { ConnectionShape } from "../common/connection";
import type { RequestContext } from "../request-context";
import { Provenance, Reference } from "./provenance.type";
import type { ProvenanceView, ReferenceView } from "./provenance.view";
import { SourceIdArgs, SourcesArgs } from "./source.args";
import type { SourceRecord } from "./source.record";
import { Source, SourceConnection } from "./source.type";

/** Stands in for a source id no longer in the graph, so a reference's `source` stays non-null. */
function unknownSource(id: string): SourceRecord {
  return {
    id,
    title: "Unknown source",
    publisher: null,
    url: null,
    description: null,
    publishedOn: null,
    language: null,
    hasText: false,
    textUrl: null,
    referenceCount: 0,
    file: null,
  };
}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: "One source document by id; null when no source has that id." })
  source(@Args() { id }: SourceIdArgs, @Ctx() ctx: RequestContext): Promise<SourceRecord | null> {
    return ctx.sources.get(id);
  }

  @Query(() => SourceConnection, {
    description: "The documents the graph's facts come from, ordered by id (Relay connection), each with its reference count.",
    complexity: pageComplexity,
  })
  sources(@Args() args: SourcesArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<SourceRecord>> {
    return ctx.sources.list(args);
  }
}

@Resolver(() => Reference)
export class ReferenceResolver {
  // Not `async`: it runs for every reference of an answer (100 on a page of 50 relations), and an
  // async wrapper around the loader's promise is one more promise and tick each time.
  @FieldResolver(() => Source, { description: "The document (batched: one query for every reference of the answer)." })
  source(@Root() reference: ReferenceView, @Ctx() ctx: RequestContext): Promise<SourceRecord> {
    return ctx.sources.get(reference.sourceId).then((source) => source ?? unknownSource(reference.sourceId));
  }
}

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => Source, { deprecationReason: "A fact may have several sources: use `references`." })
  async source(@Root() provenance: ProvenanceView, @Ctx() ctx: RequestContext): Promise<SourceRecord> {
    const first = provenance.references[0];
    if (!first) return unknownSource("unknown");
    return (await ctx.sources.get(first.sourceId)) ?? unknownSource(first.sourceId);
  }

  @FieldResolver(() => [String], { deprecationReason: "A fact may have several sources: use `references { quotes }`." })
  quotes(@Root() provenance: ProvenanceView): readonly string[] {
    return provenance.references[0]?.quotes ?? [];
  }
}
