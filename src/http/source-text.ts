/**
 * GET /sources/{id}/text: the full text of a source, as plain UTF-8, so a reader can open the
 * document behind a quote (`Source.textUrl` links here). Errors use the REST envelope and the
 * status of their code (restError), like /graph.json.
 */
import express from "express";
import { GraphQLError } from "graphql";
import { BadUserInputError, restError } from "../common/errors";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "../common/validation";
import type { RequestContext } from "../request-context";

export function sourceTextRouter(createContext: () => RequestContext, onUnexpected: (error: unknown) => void): express.Router {
  const router = express.Router();
  router.get("/sources/:id/text", async (req, res) => {
    const id = String(req.params.id);
    const context = createContext();
    try {
      if (id.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(id)) {
        throw new BadUserInputError("id", `"id" must be a lowercase slug source id such as "microsoft-openai-timeline-fr".`);
      }
      const text = await context.sources.text(id);
      res.type("text/plain; charset=utf-8").set("Cache-Control", "no-cache").send(text);
    } catch (error) {
      if (!(error instanceof GraphQLError)) onUnexpected(error);
      const { status, body } = restError(error instanceof GraphQLError ? error : { message: "Internal server error" });
      res.status(status).json(body);
    } finally {
      context.scope.end();
    }
  });
  return router;
}
