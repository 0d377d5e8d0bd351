namespace ChatReport.Bot.Storage.Migrations;

/// <summary>One forward-only schema step, numbered by its file name (<c>0001_domain.sql</c>).</summary>
public sealed record Migration(int Version, string Name, string Sql);
