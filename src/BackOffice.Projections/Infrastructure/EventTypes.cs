namespace BackOffice.Projections.Infrastructure;

/// <summary>The concrete event types of a context, found by their marker interface.</summary>
public static class EventTypes
{
    /// <summary>Every concrete type in the marker's assembly that implements <typeparamref name="TMarker"/>.</summary>
    public static IReadOnlyList<Type> Of<TMarker>() =>
        [.. typeof(TMarker).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(TMarker).IsAssignableFrom(t))];
}
