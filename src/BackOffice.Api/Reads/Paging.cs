using BackOffice.Domain.Common;
using System.Text.Json.Serialization;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Reads;

/// <summary>One page of a list: <c>{ items, page, pageSize, total }</c>.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Number">Page number, from 1 (<c>page</c> in JSON).</param>
/// <param name="PageSize">Items per page (1–200).</param>
/// <param name="Total">Items across all pages.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: JsonPropertyName("page")] int Number, int PageSize, long Total);

/// <summary>
/// The <c>?page=&amp;pageSize=</c> query parameters of every list (bind with <c>[AsParameters] PageQuery paging</c>).
/// <c>page</c> 1–<see cref="MaxPage"/> (default 1), <c>pageSize</c> 1–<see cref="MaxPageSize"/> (default <see cref="DefaultPageSize"/>);
/// anything else is 400 <c>validation-failed</c> naming the parameter.
/// </summary>
public sealed class PageQuery
{
    /// <summary>Default items per page.</summary>
    public const int DefaultPageSize = 50;
    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 200;
    /// <summary>Largest page number: beyond it the row offset would overflow (a 500); far beyond any real list.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Page number, 1–1,000,000 (default 1).</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Items per page, 1–200 (default 50).</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    /// <summary>The page number and size, checked.</summary>
    /// <exception cref="DomainException"><c>validation-failed</c> naming the parameter.</exception>
    public (int Page, int PageSize) Resolve()
    {
        var page = Page ?? 1;
        var size = PageSize ?? DefaultPageSize;
        if (page is < 1 or > MaxPage) throw DomainException.Invalid("page", $"'page' must be between 1 and {MaxPage}.");
        if (size is < 1 or > MaxPageSize) throw DomainException.Invalid("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        return (page, size);
    }
}

/// <summary>Runs a Marten query one page at a time.</summary>
public static class Paging
{
    /// <summary>The requested page of <paramref name="query"/> (already filtered and ordered), each item mapped by <paramref name="map"/>.</summary>
    public static async Task<Page<TView>> ToPageAsync<TDoc, TView>(this IQueryable<TDoc> query, PageQuery paging, Func<TDoc, TView> map, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(paging);
        ArgumentNullException.ThrowIfNull(map);
        var (page, size) = paging.Resolve();
        var list = await query.ToPagedListAsync(page, size, cancellation).ConfigureAwait(false);
        return new Page<TView>(list.Select(map).ToList(), page, size, list.TotalItemCount);
    }
}

/// <summary>Parsing of query parameters that are not simple types, with errors that name the parameter.</summary>
public static class QueryParameters
{
    /// <summary>
    /// <c>null</c> for an absent or blank <paramref name="value"/>, else the entry of <paramref name="allowed"/> it names
    /// (case-insensitive).
    /// </summary>
    /// <exception cref="DomainException"><c>validation-failed</c> naming <paramref name="name"/> and listing the allowed values.</exception>
    public static T? OneOf<T>(string? value, string name, IReadOnlyDictionary<string, T> allowed) where T : struct
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (string.IsNullOrWhiteSpace(value)) return null;
        foreach (var (key, entry) in allowed)
            if (string.Equals(key, value.Trim(), StringComparison.OrdinalIgnoreCase)) return entry;
        throw DomainException.Invalid(name, $"'{name}' must be one of {string.Join(", ", allowed.Keys)}.");
    }

    /// <summary>The names of an enum's values as allowed query values.</summary>
    public static IReadOnlyDictionary<string, T> Names<T>() where T : struct, Enum
        => Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);
}
