using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Unauthenticated <c>/__sim</c> endpoints so out-of-process tests (Pester, demos) can inspect and
/// steer the simulator the way in-process tests use <see cref="GenesysSimulator"/> directly.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/__sim/requests", context =>
            HttpResponses.WriteJsonAsync(context, 200, JsonSerializer.Serialize(state.Log.Snapshot(), SimulatorJson.Admin)));
        app.MapDelete("/__sim/requests", context =>
        {
            state.Log.Clear();
            return NoContent(context);
        });

        app.MapPost("/__sim/faults", async context =>
        {
            FaultRule? rule;
            try
            {
                rule = await JsonSerializer.DeserializeAsync<FaultRule>(context.Request.Body, SimulatorJson.Admin, context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                await AdminError(context, 400, "Invalid fault rule: " + ex.Message).ConfigureAwait(false);
                return;
            }

            if (rule is null)
            {
                await AdminError(context, 400, "A fault rule body is required").ConfigureAwait(false);
                return;
            }

            state.Faults.Add(rule);
            await NoContent(context).ConfigureAwait(false);
        });
        app.MapDelete("/__sim/faults", context =>
        {
            state.Faults.Clear();
            return NoContent(context);
        });

        app.MapGet("/__sim/campaigns/{id}", context =>
        {
            var id = RouteId(context);
            var json = state.StoreOf(id)?.TryGetJson(id);
            return json is null ? AdminError(context, 404, $"No campaign {id}") : HttpResponses.WriteJsonAsync(context, 200, json);
        });
        app.MapPut("/__sim/campaigns/{id}/status", async context =>
        {
            var id = RouteId(context);
            string? status = null;
            try
            {
                var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
                status = body?["status"]?.GetValue<string>();
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // Reported below as a missing status.
            }

            if (string.IsNullOrWhiteSpace(status))
            {
                await AdminError(context, 400, "Body must be {\"status\":\"<campaignStatus>\"}").ConfigureAwait(false);
                return;
            }

            var store = state.StoreOf(id);
            try
            {
                (store ?? throw new KeyNotFoundException(id)).SetStatus(id, status);
            }
            catch (KeyNotFoundException)
            {
                await AdminError(context, 404, $"No campaign {id}").ConfigureAwait(false);
                return;
            }

            await HttpResponses.WriteJsonAsync(context, 200, store.GetJson(id)).ConfigureAwait(false);
        });
        app.MapPost("/__sim/campaigns/{id}/bump-version", context =>
        {
            var id = RouteId(context);
            var store = state.StoreOf(id);
            return store is not null && store.TryBumpVersion(id)
                ? HttpResponses.WriteJsonAsync(context, 200, store.GetJson(id))
                : AdminError(context, 404, $"No campaign {id}");
        });

        app.MapPost("/__sim/revoke-tokens", context =>
        {
            state.RevokeTokens();
            return NoContent(context);
        });

        MapRuntime(app, state);
        MapAutomation(app, state);
    }

    /// <summary>The clock, campaign completion, rule triggers and what the org did by itself.</summary>
    private static void MapAutomation(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/__sim/clock", context => HttpResponses.WriteJsonAsync(context, 200, ClockJson(state)));
        app.MapPost("/__sim/clock/advance", async context =>
        {
            double seconds = -1;
            try
            {
                var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
                seconds = body?["seconds"]?.GetValue<double>() ?? -1;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                // Reported below.
            }

            if (seconds < 0 || double.IsNaN(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 4)
            {
                await AdminError(context, 400, "Body must be {\"seconds\":N} with N 0 or more").ConfigureAwait(false);
                return;
            }

            state.Clock.Advance(TimeSpan.FromSeconds(seconds));
            state.Automation.Run();
            await HttpResponses.WriteJsonAsync(context, 200, ClockJson(state)).ConfigureAwait(false);
        });

        app.MapPost("/__sim/campaigns/{id}/complete", context =>
        {
            var id = RouteId(context);
            var store = state.StoreOf(id);
            if (store is null)
            {
                return AdminError(context, 404, $"No campaign {id}");
            }

            state.Automation.CompleteCampaign(id);
            return HttpResponses.WriteJsonAsync(context, 200, store.GetJson(id));
        });

        app.MapPost("/__sim/campaignrules/{id}/trigger", context =>
        {
            var id = RouteId(context);
            if (!state.CampaignRules.Exists(id))
            {
                return AdminError(context, 404, $"No campaign rule {id}");
            }

            return HttpResponses.WriteJsonAsync(context, 200, JsonSerializer.Serialize(state.Automation.TriggerRule(id), SimulatorJson.Admin));
        });

        app.MapGet("/__sim/automation", context =>
            HttpResponses.WriteJsonAsync(context, 200, JsonSerializer.Serialize(state.Automation.Log, SimulatorJson.Admin)));
    }

    private static JsonObject ClockJson(SimulatorState state) => new()
    {
        ["now"] = SeedRefs.Timestamp(state.Clock.UtcNow),
        ["offsetSeconds"] = state.Clock.Offset.TotalSeconds,
    };

    /// <summary>Notifications, live options and concurrency statistics.</summary>
    private static void MapRuntime(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapPost("/__sim/notifications/close", context =>
        {
            var text = context.Request.Query["announce"].ToString();
            var announce = true;
            if (text.Length > 0 && !bool.TryParse(text, out announce))
            {
                return AdminError(context, 400, "announce must be true or false");
            }

            state.Notifications.CloseAll(announce);
            return NoContent(context);
        });

        app.MapGet("/__sim/options", context => HttpResponses.WriteJsonAsync(context, 200, AdminOptions.Snapshot(state.Options)));
        app.MapPut("/__sim/options", async context =>
        {
            JsonObject? patch = null;
            try
            {
                patch = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
            }
            catch (JsonException)
            {
                // Reported below as a missing object.
            }

            if (patch is null)
            {
                await AdminError(context, 400, "Body must be a JSON object of options, e.g. {\"notificationsEnabled\":false}").ConfigureAwait(false);
                return;
            }

            var error = AdminOptions.TryApply(state.Options, patch);
            await (error is null
                ? HttpResponses.WriteJsonAsync(context, 200, AdminOptions.Snapshot(state.Options))
                : AdminError(context, 400, error)).ConfigureAwait(false);
        });

        app.MapGet("/__sim/stats", context => HttpResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["maxConcurrentRequests"] = state.Concurrency.MaxRequests,
            ["maxConcurrentWrites"] = state.Concurrency.MaxWrites,
            ["requests"] = state.Concurrency.Requests,
            ["connectedSockets"] = state.Notifications.ConnectedSockets,
        }));
        app.MapDelete("/__sim/stats", context =>
        {
            state.Concurrency.Reset();
            return NoContent(context);
        });
    }

    private static string RouteId(HttpContext context) => context.Request.RouteValues["id"]?.ToString() ?? string.Empty;

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static Task AdminError(HttpContext context, int status, string message) =>
        HttpResponses.WriteJsonAsync(context, status, new JsonObject { ["error"] = message });
}
