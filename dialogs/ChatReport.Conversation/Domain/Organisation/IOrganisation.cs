namespace ChatReport.Conversation.Domain;

/// <summary>The organisation tree: committees, general branches, branches and groups.</summary>
public interface IOrganisation
{
    /// <summary>Creates a unit.</summary>
    /// <param name="unit">What the administrator gave.</param>
    /// <param name="actorId">The administrator, or null for the command line.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new unit.</returns>
    /// <exception cref="ArgumentException">The name is empty, the time zone unknown, or the parent does not exist.</exception>
    Task<OrgUnit> CreateUnitAsync(NewOrgUnit unit, long? actorId, CancellationToken cancellationToken);

    /// <summary>A unit by number.</summary>
    /// <param name="unitId">The unit's number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The unit, or null.</returns>
    Task<OrgUnit?> GetUnitAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>The units directly below a unit, or the tops of all trees when <paramref name="parentId"/> is null.</summary>
    /// <param name="parentId">The parent unit, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Active and inactive children, by name.</returns>
    Task<IReadOnlyList<OrgUnit>> ListChildrenAsync(long? parentId, CancellationToken cancellationToken);

    /// <summary>Active units with exactly this name (names repeat across a city, so there may be several).</summary>
    /// <param name="name">The name, compared exactly after trimming.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching units.</returns>
    Task<IReadOnlyList<OrgUnit>> FindUnitsByNameAsync(string name, CancellationToken cancellationToken);
}
