namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>Who the rep calls first, and why in words the rep can repeat.</summary>
    public sealed class Champion
    {
        public Champion(PlayAdopter person, string why) { Person = person; Why = why; }

        public PlayAdopter Person { get; private set; }
        public string Why { get; private set; }
    }
}
