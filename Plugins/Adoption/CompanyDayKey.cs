using System;
using System.Globalization;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// adopt_companyday: the company's id (32 hex digits) and the UTC day of the person's latest signup (yyyyMMdd), as
    /// one fixed-width text with no separator (a ':' would break addressing a row by its key). It leads the
    /// adopter's alternate key (company day, email, company), and alternate key columns are always indexed
    /// (learn.microsoft.com/training/modules/create-manage-fields-within-entity/7-alternate-key), so the people a
    /// day's bucket holds are found by an equality seek instead of a read of all the company's adopters. The email and
    /// company after it keep the key unique while an older row has no day yet.
    /// </summary>
    public static class CompanyDayKey
    {
        public static string Of(Guid companyId, DateTime dayUtc) =>
            companyId.ToString("N") + dayUtc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }
}
