using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The five kinds of schedule (<see cref="ScheduleKind"/>). The odd ones out in Genesys: each schedule is
/// addressed by the id of what it schedules, and no list takes paging parameters: the campaign and
/// sequence lists answer a bare array, the messaging, email and WhatsApp lists one entity listing holding
/// every schedule. A PUT creates the schedule when there is none (no version needed then) and otherwise
/// replaces it, version enforced.
/// </summary>
internal static class ScheduleEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        foreach (var kind in ScheduleKind.All)
        {
            var path = "/api/v2/outbound/schedules/" + kind.Segment;
            app.MapGet(path, context => ListAsync(context, state, kind));
            app.MapGet(path + "/{id}", context => DependencyEndpoints.GetAsync(context, kind.Store(state)));
            app.MapPut(path + "/{id}", context => PutAsync(context, state, kind));
            app.MapDelete(path + "/{id}", context => DeleteAsync(context, state, kind));
        }
    }

    private static Task ListAsync(HttpContext context, SimulatorState state, ScheduleKind kind)
    {
        if (ListQuery.Refusal(context.Request, ListQuery.Schedules) is { } unsupported)
        {
            return CampaignEndpoints.BadRequest(context, unsupported);
        }

        var all = kind.Store(state).Snapshot();
        return HttpResponses.WriteJsonAsync(context, 200, kind.BareArray
            ? new JsonArray(all.Select(s => (JsonNode)s).ToArray())
            : Paging.Build(context.Request, all, Math.Max(Paging.DefaultPageSize, all.Count), 1));
    }

    private static async Task PutAsync(HttpContext context, SimulatorState state, ScheduleKind kind)
    {
        var id = CampaignEndpoints.RouteId(context);
        var store = kind.Store(state);
        var body = await JsonBodies.ReadObjectAsync(context, "schedule").ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var target = JsonBodies.Text(body[kind.TargetKey], "id");
        if (!string.Equals(target, id, StringComparison.OrdinalIgnoreCase))
        {
            await CampaignEndpoints.BadRequest(context, $"The schedule's {kind.TargetKey}.id ({target ?? "missing"}) does not match the id in the path ({id})").ConfigureAwait(false);
            return;
        }

        if (ScheduleValidation.Check(body) is { } invalid)
        {
            await CampaignEndpoints.BadRequest(context, invalid).ConfigureAwait(false);
            return;
        }

        if (!kind.TargetExists(state, id))
        {
            await HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"{kind.TargetNoun} {id} not found").ConfigureAwait(false);
            return;
        }

        var version = JsonBodies.Version(body);
        var outcome = store.Update(id, current =>
        {
            if (current is null)
            {
                // New: the id is the target's (as the fixture README assumes), the address follows from it.
                body["id"] = id;
                body["selfUri"] = $"/api/v2/outbound/schedules/{kind.Segment}/{id}";
                body.Remove("dateCreated");
                return DocumentChange.To(body);
            }

            if (version is null)
            {
                return DocumentChange.Fail(400, GenesysErrorCodes.BadRequest, "The schedule version is required");
            }

            if (version != DocumentStore.VersionOf(current))
            {
                return DocumentChange.Fail(409, state.Options.ConflictCode, CampaignTransitions.WrongVersionMessage);
            }

            JsonBodies.KeepServerFields(body, current, "id", "dateCreated", "selfUri");
            return DocumentChange.To(body);
        });
        await JsonBodies.WriteOutcomeAsync(context, outcome).ConfigureAwait(false);
    }

    private static Task DeleteAsync(HttpContext context, SimulatorState state, ScheduleKind kind)
    {
        var id = CampaignEndpoints.RouteId(context);
        var store = kind.Store(state);
        if (!store.Delete(id))
        {
            return HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"{store.Noun} {id} not found");
        }

        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
