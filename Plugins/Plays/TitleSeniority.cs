using System;
using System.Collections.Generic;
using System.Linq;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// How senior a job title reads, from 0 (none given) to 5 (an executive), so the rep calls the person who
    /// can buy first. Words, not exact titles: "VP Engineering", "Head of IT", "Chief Technology Officer".
    /// 5 executive (chief, CEO, CTO, CIO, CISO, COO, CFO, founder, owner, president, managing director, partner);
    /// 4 vice president or head of; 3 director; 2 manager, lead, principal, architect; 1 any other title.
    /// "Vice president" and "managing director" are read before "president" and "director".
    /// </summary>
    public static class TitleSeniority
    {
        public const int Executive = 5;

        private static readonly HashSet<string> ExecutiveWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "chief", "ceo", "cto", "cio", "ciso", "coo", "cfo", "cmo", "cpo", "cro", "founder", "cofounder", "owner", "president", "partner",
        };
        private static readonly HashSet<string> ManagerWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "manager", "lead", "principal", "architect", "supervisor",
        };

        public static int Of(string title)
        {
            var words = Words(title);
            if (words.Count == 0) return 0;
            if (Contains(words, "vice", "president") || words.Contains("vp") || words.Contains("svp") || words.Contains("evp")) return 4;
            if (Contains(words, "managing", "director") || words.Any(ExecutiveWords.Contains)) return Executive;
            if (words.Contains("head")) return 4;
            if (words.Contains("director")) return 3;
            if (words.Any(ManagerWords.Contains)) return 2;
            return 1;
        }

        private static List<string> Words(string title)
        {
            var words = new List<string>();
            if (string.IsNullOrWhiteSpace(title)) return words;
            // Bounded: a title is at most a line; anything longer is not a job title we can read.
            string text = title.Length > 200 ? title.Substring(0, 200) : title;
            var current = new System.Text.StringBuilder();
            foreach (char ch in text.ToLowerInvariant())
            {
                if (char.IsLetter(ch)) current.Append(ch);
                else if (ch == '-' && current.Length > 0) continue; // co-founder → cofounder
                else if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            }
            if (current.Length > 0) words.Add(current.ToString());
            return words;
        }

        private static bool Contains(List<string> words, string first, string second)
        {
            for (int i = 0; i + 1 < words.Count; i++)
                if (words[i] == first && words[i + 1] == second) return true;
            return false;
        }
    }
}
