using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CrmRelationship.FakeDataverse;

/// <summary>The fake's request pipeline: journal, latency, sign-in, service protection, faults, then the route.</summary>
public sealed partial class FakeDataverse
{
    private async Task HandleAsync(HttpContext context)
    {
        var started = DateTime.UtcNow;
        var inFlight = Journal.Enter();
        var request = new FakeRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty);
        var status = 0;
        FaultRule? fault = null;
        Answer? answer = null;
        string? body = null;
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency).ConfigureAwait(false);
            }

            answer = Refusal(context, request, inFlight, started);
            if (answer is null)
            {
                fault = Faults.Next(request);
                answer = FaultAnswer(fault);
                if (fault?.Kind == FaultKind.DropBefore)
                {
                    context.Abort();
                    return;
                }

            }

            if (answer is null)
            {
                body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync().ConfigureAwait(false);
                if (fault?.Kind == FaultKind.Late)
                {
                    // Not context.RequestAborted: the request is carried out even if the client has gone.
                    await Task.Delay(fault.Delay).ConfigureAwait(false);
                }

                answer = Route(context, request, body);
            }

            if (fault?.Kind == FaultKind.Slow)
            {
                // Carried out at once, answered late: Dataverse ends an operation within its own 2 minutes, before a
                // client gives up, so a slow answer is never a write that lands after the client stopped waiting.
                await Task.Delay(fault.Delay).ConfigureAwait(false);
            }

            if (fault?.Kind == FaultKind.DropAfter)
            {
                context.Abort();
                return;
            }

            status = answer.Status;
            context.Response.StatusCode = answer.Status;
            foreach (var header in answer.Headers)
            {
                context.Response.Headers[header.Key] = header.Value;
            }

            if (answer.Json is null)
            {
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Json);
            context.Response.ContentType = "application/json; odata.metadata=minimal";
            context.Response.ContentLength = bytes.Length;
            if (fault?.Kind == FaultKind.DropMidBody)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2)).ConfigureAwait(false);
                await context.Response.Body.FlushAsync().ConfigureAwait(false);
                status = 0;
                context.Abort();
                return;
            }

            await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            // The client hung up (it timed out, or it was killed): nothing more to send.
            status = 0;
        }
        finally
        {
            // Journaled before it leaves, so that a test waiting for the fake to be idle finds every request's entry.
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            Journal.Add(new JournalEntry(
                request.Method, request.Path, request.Query, status, headers.GetValueOrDefault("client-request-id"), fault?.Kind, started, DateTime.UtcNow, inFlight, headers,
                answer?.Records ?? 0, answer?.Columns ?? (IReadOnlyCollection<string>)Array.Empty<string>(), string.IsNullOrEmpty(body) ? null : body));
            Journal.Leave();
        }
    }

    /// <summary>401 for a wrong token; 429 past the service protection limits.</summary>
    private Answer? Refusal(HttpContext context, FakeRequest request, int inFlight, DateTime started)
    {
        if (!request.Path.StartsWith(Root, StringComparison.Ordinal))
        {
            return new Answer(404, null);
        }

        if (!string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + Token, StringComparison.Ordinal))
        {
            return Unauthorized();
        }

        recentStarts.Enqueue(started);
        while (recentStarts.TryPeek(out var oldest) && oldest < started - RequestWindow)
        {
            recentStarts.TryDequeue(out _);
        }

        if (inFlight > ConcurrencyLimit)
        {
            Interlocked.Increment(ref serviceProtectionRefusals);
            return Error(429, "0x80072326", "Number of concurrent requests exceeded the limit of 52.", ServiceProtectionRetryAfterSeconds);
        }

        if (recentStarts.Count > RequestLimit)
        {
            Interlocked.Increment(ref serviceProtectionRefusals);
            return Error(429, "0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds.", ServiceProtectionRetryAfterSeconds);
        }

        return null;
    }

    private Answer? FaultAnswer(FaultRule? fault) => fault?.Kind switch
    {
        FaultKind.Throttle => Error(429, "0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds.", fault.RetryAfterSeconds),
        FaultKind.Unavailable => Error(503, null, null, fault.RetryAfterSeconds),
        FaultKind.ExpiredToken => Unauthorized(),
        FaultKind.MissingPrivilege => Error(
            403, "0x80040220", "Principal user (Id=" + UserId.ToString("D") + ", type=8) is missing prvWriteContact privilege (Id=ab123456-0000-0000-0000-000000000000) on OTC=2 for entity 'contact'.", null),
        FaultKind.TooLarge => Error(413, "0x80040265", "Message size exceeded when sending context to Sandbox.", null),
        _ => null,
    };

    private Answer Route(HttpContext context, FakeRequest request, string body)
    {
        var path = Uri.UnescapeDataString(request.Path[Root.Length..]);
        try
        {
            if (request.Method == "GET" && path == "WhoAmI")
            {
                return WhoAmI();
            }

            if (request.Method == "GET" && PrivilegePath().Match(path) is { Success: true } privilege)
            {
                return UserPrivilege(Guid.Parse(privilege.Groups[1].Value), privilege.Groups[2].Value);
            }

            if (request.Method == "GET" && path == "sdkmessageprocessingsteps")
            {
                return StepsPage(context);
            }

            if (RegistrationRoute(context, request.Method, path, body) is { } registration)
            {
                return registration;
            }

            if (request.Method == "GET" && (path == Contacts.EntitySet || path == Accounts.EntitySet))
            {
                return Page(context, Table(path));
            }

            if (request.Method == "GET" && path == Activities.EntitySet)
            {
                if (context.Request.Query.TryGetValue("fetchXml", out var fetchXml))
                {
                    return context.Request.Query.Count == 1
                        ? FetchAggregate(fetchXml.ToString())
                        : Error(400, ODataQuery.UnrecognizedCode, "The fetchXml query option cannot be combined with other query options.", null);
                }

                return Page(context, Activities);
            }

            if (request.Method == "POST" && path.EndsWith("/Microsoft.Dynamics.CRM.UpdateMultiple", StringComparison.Ordinal))
            {
                var set = path[..path.IndexOf('/', StringComparison.Ordinal)];
                if (set == Contacts.EntitySet || set == Accounts.EntitySet)
                {
                    return UpdateMultiple(context, Table(set), body);
                }
            }

            if (request.Method == "PATCH" && RecordPath().Match(path) is { Success: true } record)
            {
                var set = record.Groups[1].Value;
                var id = Guid.Parse(record.Groups[2].Value);
                if (set == "sdkmessageprocessingsteps")
                {
                    return PatchStep(id, body);
                }

                if (set == Contacts.EntitySet || set == Accounts.EntitySet)
                {
                    return PatchRecord(context, Table(set), id, body);
                }
            }

            var segment = path.Split('/', '(', '?')[0];
            return Error(404, "0x8006088a", "Resource not found for the segment '" + segment + "'.", null);
        }
        catch (FakeQueryException ex)
        {
            return Error(400, ex.Code, ex.Message, null);
        }
        catch (JsonException ex)
        {
            return Error(400, "0x80048d19", "Error identified in Payload provided by the user: " + ex.Message, null);
        }
    }

    private Answer WhoAmI()
    {
        var json = new JsonObject
        {
            ["@odata.context"] = Url + Root.TrimStart('/') + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse",
            ["BusinessUnitId"] = Guid.NewGuid().ToString("D"),
            [nameof(UserId)] = UserId.ToString("D"),
            ["OrganizationId"] = Guid.NewGuid().ToString("D"),
        };
        var answer = new Answer(200, json.ToJsonString());
        if (DopHint is { } hint)
        {
            answer.Headers["x-ms-dop-hint"] = hint.ToString(CultureInfo.InvariantCulture);
        }

        return answer;
    }

    private Answer UserPrivilege(Guid user, string name)
    {
        var privileges = new JsonArray();
        if (user == UserId && Privileges.Contains(name))
        {
            privileges.Add(new JsonObject
            {
                ["Depth"] = "Global",
                ["PrivilegeId"] = Guid.NewGuid().ToString("D"),
                ["BusinessUnitId"] = Guid.NewGuid().ToString("D"),
                ["PrivilegeName"] = name,
            });
        }

        return new Answer(200, new JsonObject { ["RolePrivileges"] = privileges }.ToJsonString());
    }

    private static Answer Unauthorized()
    {
        var answer = new Answer(401, null);
        answer.Headers["WWW-Authenticate"] = "Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize";
        return answer;
    }

    internal static Answer Error(int status, string? code, string? message, int? retryAfterSeconds)
    {
        string? json = null;
        if (code is not null || message is not null)
        {
            json = new JsonObject { ["error"] = new JsonObject { ["code"] = code ?? string.Empty, ["message"] = message ?? string.Empty } }.ToJsonString();
        }

        var answer = new Answer(status, json);
        if (retryAfterSeconds is { } seconds)
        {
            answer.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return answer;
    }

    [GeneratedRegex(@"^systemusers\(([0-9a-fA-F-]{36})\)/Microsoft\.Dynamics\.CRM\.RetrieveUserPrivilegeByPrivilegeName\(PrivilegeName='([^']+)'\)$")]
    private static partial Regex PrivilegePath();

    [GeneratedRegex(@"^(\w+)\(([0-9a-fA-F-]{36})\)$")]
    private static partial Regex RecordPath();

    /// <summary>A response the fake sends.</summary>
    internal sealed class Answer
    {
        public Answer(int status, string? json)
        {
            Status = status;
            Json = json;
        }

        public int Status { get; }

        public string? Json { get; }

        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int Records { get; init; }

        public IReadOnlyCollection<string> Columns { get; init; } = Array.Empty<string>();
    }
}
