using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.FrontDesk;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.FrontDesk;

/// <summary>
/// <c>GET /api/correspondence/register?year=</c> (default: the current year): the auditor's proof that the year's
/// register has no hole. Computed from the register numbers stored on the items (unique per tenant by index), never
/// from the counter that hands them out: the count, the first and last numbers, and every run of missing numbers
/// between 1 and the last.
/// </summary>
public static class GetRegisterEndpoint
{
    /// <summary>The proof.</summary>
    /// <param name="Year">The register year.</param>
    /// <param name="First">The lowest number registered (null when none).</param>
    /// <param name="Last">The highest number registered (null when none).</param>
    /// <param name="Count">Items registered in the year.</param>
    /// <param name="Gaps">Runs of missing numbers from 1 to the last, in order (empty: no hole).</param>
    public sealed record Register(int Year, string? First, string? Last, int Count, IReadOnlyList<Gap> Gaps);

    /// <summary>A run of missing numbers.</summary>
    /// <param name="From">The first missing number.</param>
    /// <param name="To">The last missing number.</param>
    /// <param name="Missing">How many numbers are missing in the run.</param>
    public sealed record Gap(string From, string To, int Missing);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/correspondence/register", async ([FromQuery] int? year, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                var wanted = year ?? time.GetUtcNow().UtcDateTime.Year;
                if (wanted is < 1 or > 9999) throw DomainException.Invalid("year", "'year' must have four digits.");
                await using var session = store.QuerySession(request);
                var sequences = await session.Query<Correspondence>().Where(c => c.RegisterYear == wanted)
                    .Select(c => c.RegisterSequence).ToListAsync(http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(Prove(wanted, sequences));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetCorrespondenceRegister")
            .WithSummary("Proof that the year's correspondence register has no gap")
            .Produces<Register>()
            .ProducesReadProblems();

    /// <summary>The proof for <paramref name="year"/> from the ranks stored in its register.</summary>
    public static Register Prove(int year, IEnumerable<int> stored)
    {
        var numbers = stored.Order().ToList();
        if (numbers.Count == 0) return new Register(year, null, null, 0, []);
        var gaps = new List<Gap>();
        var expected = 1;
        foreach (var n in numbers)
        {
            if (n > expected) gaps.Add(new Gap(new RegisterNumber(year, expected).ToString(), new RegisterNumber(year, n - 1).ToString(), n - expected));
            expected = Math.Max(expected, n + 1);
        }
        return new Register(year, new RegisterNumber(year, numbers[0]).ToString(), new RegisterNumber(year, numbers[^1]).ToString(), numbers.Count, gaps);
    }
}
