using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>One person a roster adds: the unit they join, their name (already <see cref="PersonName.Normalize"/>d) and their office.</summary>
internal sealed record RosterEntry(OrgUnit Unit, string Name, Role Role);
