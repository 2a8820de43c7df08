using System.ServiceModel;
using AdoptionCrm.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>
/// Runs a message's registered steps around its main operation: stages 10 → 20 → main → 40, each
/// in rank order, merging Create/Update steps with their *Multiple counterparts (the documented
/// cross-firing), applying filtering attributes and images, and queueing async steps for after commit.
/// </summary>
internal sealed class PipelineRunner
{
    private readonly EmulatedOrganization _org;

    public PipelineRunner(EmulatedOrganization org) => _org = org;

    /// <param name="preValidation">false: stage 10 does not run (the second half of an Update split runs PreOperation and PostOperation only).</param>
    public void Run(ExecutionScope scope, PipelineOperation op, Action mainOperation, bool preValidation = true)
    {
        var preValidationParent = (EmulatedPluginContext?)null;
        var preOperation = StepsFor(op, 20);
        var postOperation = StepsFor(op, 40);
        if (preValidation) RunSteps(scope, op, 10, StepsFor(op, 10), ref preValidationParent);
        // Stage 20/40 steps see PreValidation's SharedVariables through ParentContext even when no stage-10
        // step ran; the context is made only when such a step will read it.
        if (preValidationParent == null && (preOperation.Count > 0 || postOperation.Count > 0))
            preValidationParent = NewContext(scope, op, stage: 10, op.Input, op.SharedPreValidation, new ParameterCollection(), op.PrimaryId, scope.Caller);
        RunSteps(scope, op, 20, preOperation, ref preValidationParent);
        mainOperation();
        // Post rows feed only stage-40 images: read them only when a stage-40 step will run.
        if (postOperation.Count > 0 && op.PostRows.Count > 0)
            foreach (var id in op.PostRows.Keys.ToArray()) op.PostRows[id] = _org.Store.Get(scope.Transaction, op.Table, id);
        RunSteps(scope, op, 40, postOperation, ref preValidationParent);
    }

    /// <summary>A stage's steps in execution order: rank, then registration; a *Multiple's paired single-message steps merged in.</summary>
    private IReadOnlyList<RegisteredPluginStep> StepsFor(PipelineOperation op, int stage)
    {
        var steps = _org.Steps.Ordered(op.Message, op.Table, stage);
        if (op.PairedMessage == null) return steps;
        var paired = _org.Steps.Ordered(op.PairedMessage, op.Table, stage);
        if (paired.Length == 0) return steps;
        return steps.Concat(paired).OrderBy(s => s.Definition.Rank).ThenBy(s => s.Sequence).ToList();
    }

    private void RunStage(ExecutionScope scope, PipelineOperation op, int stage, ref EmulatedPluginContext? stage10Context)
    {
        RunSteps(scope, op, stage, StepsFor(op, stage), ref stage10Context);
        if (stage == 10) stage10Context ??= NewContext(scope, op, stage: 10, op.Input, op.SharedPreValidation, new ParameterCollection(), op.PrimaryId, scope.Caller);
    }

    private void RunSteps(ExecutionScope scope, PipelineOperation op, int stage, IReadOnlyList<RegisteredPluginStep> steps, ref EmulatedPluginContext? stage10Context)
    {
        foreach (var step in steps)
        {
            foreach (var context in Contexts(scope, op, step, stage, stage10Context))
            {
                if (stage == 10) stage10Context ??= context;
                if (step.Definition.IsAsync) Queue(scope, step, context);
                else Invoke(step, context);
            }
        }
    }

    /// <summary>Only stage 10 of an operation (an Update split runs PreValidation once for the whole request).</summary>
    public void RunPreValidation(ExecutionScope scope, PipelineOperation op)
    {
        EmulatedPluginContext? parent = null;
        RunStage(scope, op, 10, ref parent);
    }

    /// <summary>
    /// A Custom API's main operation (stage 30): its plug-in type runs in the request's transaction with
    /// the request's InputParameters and fills the OutputParameters stage 40 and the caller then see.
    /// </summary>
    public void RunMainOperation(ExecutionScope scope, PipelineOperation op, IPlugin plugin, string pluginName)
    {
        var context = NewContext(scope, op, stage: 30, op.Input, op.Shared, op.Output, op.PrimaryId, scope.Caller);
        Invoke(new RegisteredPluginStep(new StepDefinition(op.Message, op.Table.Length == 0 ? null : op.Table, 30), plugin, pluginName, -1), context);
    }

    /// <summary>The contexts a step runs with: one, or one per item when a single-message step meets a *Multiple.</summary>
    private IEnumerable<EmulatedPluginContext> Contexts(ExecutionScope scope, PipelineOperation op, RegisteredPluginStep step, int stage, EmulatedPluginContext? stage10)
    {
        var definition = step.Definition;
        var shared = stage == 10 ? op.SharedPreValidation : op.Shared;
        var parent = stage == 10 ? scope.Caller : stage10;
        var stepIsMultiple = definition.Message.EndsWith("Multiple", StringComparison.OrdinalIgnoreCase);
        if (op.Items == null || stepIsMultiple == op.IsMultiple)
        {
            if (!PassesFilter(definition, op.Items)) yield break;
            var id = op.Items is { Count: 1 } && !op.IsMultiple ? op.Items[0].Id : op.PrimaryId;
            var context = NewContext(scope, op, stage, op.Input, shared, stage == 40 ? op.Output : new ParameterCollection(), id, parent, definition.Message);
            AddImages(op, definition, stage, context, id);
            yield return context;
            yield break;
        }
        if (!stepIsMultiple)
        {
            // A *Multiple request fires the single-message step once per item, Target = that item.
            foreach (var item in op.Items)
            {
                if (!PassesFilter(definition, new[] { item })) continue;
                var input = new ParameterCollection { ["Target"] = item };
                var output = new ParameterCollection();
                if (stage == 40 && op.Message == "CreateMultiple") output["id"] = item.Id;
                var context = NewContext(scope, op, stage, input, shared, output, item.Id, parent, definition.Message);
                AddImages(op, definition, stage, context, item.Id);
                yield return context;
            }
            yield break;
        }
        // A single request fires the *Multiple step with a one-item Targets holding the same entity.
        if (!PassesFilter(definition, op.Items)) yield break;
        var targets = new EntityCollection(op.Items.ToList()) { EntityName = op.Table };
        var multipleInput = new ParameterCollection { ["Targets"] = targets };
        var multipleOutput = new ParameterCollection();
        if (stage == 40 && op.Message == "Create") multipleOutput["Ids"] = op.Items.Select(i => i.Id).ToArray();
        yield return NewContext(scope, op, stage, multipleInput, shared, multipleOutput, Guid.Empty, parent, definition.Message);
    }

    private EmulatedPluginContext NewContext(ExecutionScope scope, PipelineOperation op, int stage, ParameterCollection input,
        ParameterCollection shared, ParameterCollection output, Guid primaryId, EmulatedPluginContext? parent, string? message = null) =>
        new()
        {
            MessageName = message ?? op.Message,
            PrimaryEntityName = op.Table,
            PrimaryEntityId = primaryId,
            Stage = stage,
            Depth = scope.Depth,
            Mode = 0,
            InputParameters = input,
            OutputParameters = output,
            SharedVariables = shared,
            UserId = scope.UserId,
            InitiatingUserId = scope.InitiatingUserId,
            BusinessUnitId = _org.BusinessUnitOf(scope.UserId),
            OrganizationId = _org.OrganizationId,
            OrganizationName = _org.OrganizationName,
            CorrelationId = scope.CorrelationId,
            OperationCreatedOn = _org.Clock.UtcNow,
            IsInTransaction = !(stage == 10 && scope.Depth == 1),
            ParentContext = parent!,
            Transaction = scope.Transaction,
        };

    // Filtering attributes: the step fires when at least one listed column is present in the request.
    private static bool PassesFilter(StepDefinition step, IReadOnlyList<Entity>? items) =>
        step.FilteringAttributes == null || items == null
        || items.Any(item => step.FilteringAttributes.Any(item.Attributes.ContainsKey));

    private void AddImages(PipelineOperation op, StepDefinition step, int stage, EmulatedPluginContext context, Guid id)
    {
        if (step.PreImage == null && step.PostImage == null) return; // also: messages without a table (global Custom APIs)
        var schema = _org.Catalog.Get(op.Table);
        if (step.PreImage != null && op.PreRows.TryGetValue(id, out var pre) && pre != null)
            context.PreEntityImages[step.PreImage.Alias] = RowMaterializer.ToEntity(_org.Store, null, schema, pre, step.PreImage.Columns, withFormatting: false);
        if (step.PostImage != null && stage == 40 && op.PostRows.TryGetValue(id, out var post) && post != null)
            context.PostEntityImages[step.PostImage.Alias] = RowMaterializer.ToEntity(_org.Store, null, schema, post, step.PostImage.Columns, withFormatting: false);
    }

    /// <summary>
    /// Runs one step. A plug-in's InvalidPluginExecutionException leaves as the fault a Dataverse client
    /// receives (IsvAborted, its own code as SubErrorCode: <see cref="Faults.PluginAborted"/>); a fault
    /// from a nested call the plug-in let through keeps its own code; anything else becomes IsvUnExpected.
    /// The async service reads the plug-in's exception itself (<paramref name="raw"/>) for its Retry status.
    /// </summary>
    public void Invoke(RegisteredPluginStep step, EmulatedPluginContext context, bool raw = false)
    {
        var tracing = new CapturingTracingService();
        var provider = new PluginServiceProvider(_org, context, tracing);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            step.Plugin.Execute(provider);
            Log(step, context, "Succeeded", tracing, null, started);
        }
        catch (InvalidPluginExecutionException error)
        {
            Log(step, context, "Failed", tracing, error.Message, started);
            if (raw) throw;
            throw Faults.PluginAborted(error, tracing.Text);
        }
        catch (FaultException<OrganizationServiceFault> error)
        {
            Log(step, context, "Failed", tracing, error.Message, started);
            throw;
        }
        catch (Exception error)
        {
            Log(step, context, "Failed", tracing, error.ToString(), started);
            var fault = Faults.Create(ErrorCodes.IsvUnexpected, $"An unexpected error occurred from ISV code. (ErrorType = ClientError) Unexpected exception from plug-in (Execute): {step.PluginName}: {error.GetType().FullName}: {error.Message}");
            fault.Detail.TraceText = tracing.Text;
            throw fault;
        }
    }

    internal void Log(RegisteredPluginStep step, EmulatedPluginContext context, string outcome, CapturingTracingService tracing, string? error, long? started = null) =>
        _org.Log.Add(new ExecutionLogEntry(step.PluginName, context.MessageName, context.PrimaryEntityName, context.Stage, context.Depth,
            context.Mode, outcome, tracing, error, _org.Clock.UtcNow)
        {
            ImageBytes = PayloadSize.Of(context.PreEntityImages) + PayloadSize.Of(context.PostEntityImages),
            Elapsed = started is { } t ? System.Diagnostics.Stopwatch.GetElapsedTime(t) : TimeSpan.Zero,
        });

    // Async steps get a snapshot of the context and run after the transaction commits, outside it.
    private void Queue(ExecutionScope scope, RegisteredPluginStep step, EmulatedPluginContext context)
    {
        var snapshot = new EmulatedPluginContext
        {
            MessageName = context.MessageName, PrimaryEntityName = context.PrimaryEntityName, PrimaryEntityId = context.PrimaryEntityId,
            Stage = 40, Mode = 1, Depth = context.Depth, UserId = context.UserId, InitiatingUserId = context.InitiatingUserId,
            BusinessUnitId = context.BusinessUnitId, OrganizationId = context.OrganizationId, OrganizationName = context.OrganizationName,
            CorrelationId = context.CorrelationId, OperationCreatedOn = context.OperationCreatedOn, OperationId = NewIds.Next(),
            IsInTransaction = false, InputParameters = CopyParameters(context.InputParameters),
            OutputParameters = CopyParameters(context.OutputParameters), SharedVariables = CopyParameters(context.SharedVariables),
            PreEntityImages = CopyImages(context.PreEntityImages), PostEntityImages = CopyImages(context.PostEntityImages),
            ParentContext = context.ParentContext, Transaction = null,
        };
        scope.Transaction.OnCommit.Add(() => _org.AsyncQueue.Enqueue(new AsyncJob(step, snapshot)));
    }

    private static ParameterCollection CopyParameters(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var (key, value) in source) copy[key] = DeepCopy.Value(value);
        return copy;
    }

    private static EntityImageCollection CopyImages(EntityImageCollection source)
    {
        var copy = new EntityImageCollection();
        foreach (var (key, value) in source) copy[key] = DeepCopy.Entity(value);
        return copy;
    }
}
