using System;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>One day of a company's (or account's) window: the people whose latest signup is that day, with their usage and invitations.</summary>
    public sealed class DayBucket
    {
        public DayBucket(DateTime day, long people, long usage, long invitations)
        {
            Day = day.Date;
            People = people;
            Usage = usage;
            Invitations = invitations;
        }

        public DateTime Day { get; private set; }
        public long People { get; private set; }
        public long Usage { get; private set; }
        public long Invitations { get; private set; }
        public bool IsEmpty => People == 0 && Usage == 0 && Invitations == 0;

        public DayBucket Plus(DayBucket other, int sign) =>
            new DayBucket(Day, People + sign * other.People, Usage + sign * other.Usage, Invitations + sign * other.Invitations);
    }
}
