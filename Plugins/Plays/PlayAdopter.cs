using System;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>One person of the account as the play reads them (an adopt_adopter row).</summary>
    public sealed class PlayAdopter
    {
        public PlayAdopter(Guid id, string name, string email, string jobTitle, long usage, long invitations, DateTime? firstSignupOn, DateTime? lastSignupOn)
        {
            Id = id;
            Email = email ?? "";
            Name = string.IsNullOrWhiteSpace(name) ? Email : name.Trim();
            JobTitle = jobTitle == null ? "" : jobTitle.Trim();
            Usage = Math.Max(0, usage);
            Invitations = Math.Max(0, invitations);
            FirstSignupOn = firstSignupOn;
            LastSignupOn = lastSignupOn;
        }

        public Guid Id { get; private set; }
        public string Name { get; private set; }
        public string Email { get; private set; }
        public string JobTitle { get; private set; }
        public long Usage { get; private set; }
        public long Invitations { get; private set; }
        public DateTime? FirstSignupOn { get; private set; }
        public DateTime? LastSignupOn { get; private set; }

        /// <summary>"Carla Silva, CTO" (the name alone when no title is known).</summary>
        public string NameAndTitle => JobTitle.Length == 0 ? Name : Name + ", " + JobTitle;
    }
}
