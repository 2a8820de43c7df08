namespace AdoptionCrm.Emulator.Lifecycle;

/// <summary>
/// Which steps the state and lifecycle messages fire. Only the Update split is documented
/// (PAD:special-update-operation-behavior: an Update carrying statecode with other columns runs Update's
/// PreOperation and PostOperation steps once for the other columns and once for the state). The rest is
/// not documented (R5, R6): chosen so, and switchable so tests can run both ways.
/// </summary>
public sealed class LifecycleOptions
{
    /// <summary>Steps a SetState or SetStateDynamicEntity request fires. Chosen: all three (a step must cope with any).</summary>
    public StateChangeSteps SetStateFires { get; set; } = StateChangeSteps.All;

    /// <summary>Besides Update (documented), whether the state part of an Update also fires SetState steps. Chosen: Update only.</summary>
    public StateChangeSteps UpdateOfStateFires { get; set; } = StateChangeSteps.Update;

    /// <summary>Steps fired by the state changes a message makes itself: QualifyLead's lead, Merge's subordinate. Chosen: all three.</summary>
    public StateChangeSteps InternalStateChangeFires { get; set; } = StateChangeSteps.All;

    /// <summary>
    /// Whether cascaded writes (children re-parented by Merge, links removed or rows deleted or assigned by a
    /// parent's Delete or Assign) run the children's own Update/Delete/Assign steps. Chosen: true.
    /// </summary>
    public bool CascadesFireSteps { get; set; } = true;
}
