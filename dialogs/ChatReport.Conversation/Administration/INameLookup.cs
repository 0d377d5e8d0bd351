namespace ChatReport.Conversation.Administration;

/// <summary>What <see cref="FindByNameDialog{TLookup, TFound}"/> is begun with: a name to look for and whose units to look in.</summary>
public interface INameLookup
{
    /// <summary>The name as said, or null to ask.</summary>
    string? Name { get; }

    /// <summary>Who asks; the search stays within the units they manage.</summary>
    long ActorId { get; }

    /// <summary>Whether a secretary's own branches count as managed.</summary>
    bool WithSecretaryUnits { get; }
}
