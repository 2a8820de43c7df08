namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// How much of one person's usage and invitations the score takes. Both come from the lead as the product
    /// reports them and can be anything up to int.MaxValue per signup (or hostile); past these a person is not
    /// a stronger signal, only more people are. Capped per person, before anything is summed, so one person can
    /// never outweigh a team: with the default weights one person scores at most 5 + 5×log10(1001) + 2×10 = 40,
    /// fifteen people 75 without any usage. The adopter row still shows the person's own totals.
    /// </summary>
    public static class SignalLimits
    {
        public const long UsagePerPerson = 1000;
        public const long InvitationsPerPerson = 10;

        public static long Usage(long usage) => usage < 0 ? 0 : usage > UsagePerPerson ? UsagePerPerson : usage;

        public static long Invitations(long invitations) => invitations < 0 ? 0 : invitations > InvitationsPerPerson ? InvitationsPerPerson : invitations;
    }
}
