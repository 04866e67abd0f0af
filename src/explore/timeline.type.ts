import { LocalDateResolver } from "graphql-scalars";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DatePrecision } from "../common/partial-date";
import { PartialDateScalar } from "../common/scalars";
import { Event } from "../event/event.type";
import { Relation } from "../relation/relation.type";

export enum TimelineItemKind {
  RELATION_STARTED = "RELATION_STARTED",
  RELATION_ATTESTED = "RELATION_ATTESTED",
  RELATION_ENDED = "RELATION_ENDED",
  EVENT = "EVENT",
}

registerEnumType(TimelineItemKind, {
  name: "TimelineItemKind",
  description: "What a timeline item marks.",
  valuesConfig: {
    RELATION_STARTED: { description: "A relation begins, at the `validFrom` the source states." },
    RELATION_ATTESTED: {
      description:
        "The source shows a relation in force by this date (`attestedFrom`) without saying when it began: not a start, " +
        "and never to be drawn as one (`attested` is true).",
    },
    RELATION_ENDED: { description: "A relation ends (at `validTo`)." },
    EVENT: { description: "A dated event (a deal announced, a probe opened)." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    'One dated item of a timeline. `date` keeps the source\'s precision ("2019-07" is a month, never a day); ' +
    "`start` and `end` are its first and last days, to place it on an axis.",
})
export class TimelineItem {
  @Field(() => TimelineItemKind, { description: "What the item marks." })
  kind!: TimelineItemKind;

  @Field(() => PartialDateScalar, {
    description: 'The date as precisely as the source gives it: "2023", "2023-01" or "2023-01-23".',
  })
  date!: string;

  @Field(() => DatePrecision, { description: "Precision of `date`." })
  precision!: DatePrecision;

  @Field(() => LocalDateResolver, { description: 'First day of `date` (2023-01-01 for "2023").' })
  start!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of `date` (2023-12-31 for "2023").' })
  end!: string;

  @Field({
    description: "True when the date is when the source first shows a relation in force (`attestedFrom`), not a start it states.",
  })
  attested!: boolean;

  @Field({ description: 'A line to print, e.g. "Microsoft invests in OpenAI".' })
  caption!: string;

  @Field(() => Relation, {
    nullable: true,
    description: "The relation, for RELATION_STARTED, RELATION_ATTESTED and RELATION_ENDED items.",
  })
  relation!: Relation | null;

  @Field(() => Event, { nullable: true, description: "The event, for EVENT items." })
  event!: Event | null;
}

@ObjectType({ simpleResolvers: true, description: "How many timeline items fall in one year; bars for a time slider." })
export class YearCount {
  @Field(() => Int, { description: "The year, e.g. 2023." })
  year!: number;

  @Field(() => Int, { description: "Relations starting that year (their `validFrom`)." })
  relationsStarted!: number;

  @Field(() => Int, { description: "Relations whose start is unknown, shown in force that year (their `attestedFrom`)." })
  relationsAttested!: number;

  @Field(() => Int, { description: "Relations ending that year." })
  relationsEnded!: number;

  @Field(() => Int, { description: "Events that year." })
  events!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Relations and events in date order, plus the date range and yearly counts a client needs to draw a time axis " +
    "and a slider. `minDate`, `maxDate` and `countsByYear` cover the whole graph under the `entity`, `counterparty` " +
    "and `types` filters, ignoring `from` and `to`, so a slider keeps its scale while the window moves.",
})
export class Timeline {
  @Field(() => [TimelineItem], {
    description: "Items whose first day falls in [`from`, `to`], ordered by first day, then last day, then kind and id.",
  })
  items!: TimelineItem[];

  @Field(() => LocalDateResolver, { nullable: true, description: "The earliest day of any item; null for an empty graph." })
  minDate!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "The latest day of any item; null for an empty graph." })
  maxDate!: string | null;

  @Field(() => [YearCount], { description: "Items per year, oldest first; years with none are left out." })
  countsByYear!: YearCount[];

  @Field({ description: "True when the item cap (`limit`) cut the list short." })
  truncated!: boolean;
}
