using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Understanding;

/// <summary>A rule a sentence may be about, with the weight of the evidence.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Score">How strongly the sentence points at it (3 is an action with its object).</param>
/// <param name="Evidence">What was found, for tests and logs (扫+雪, keyword 三会一课, learned 玉米).</param>
public sealed record RuleCandidate(PointRule Rule, double Score, string Evidence);
