using System.Text.Json;
using BackOffice.Domain.Recruiting;
using static BackOffice.Domain.Tests.Recruiting.CandidateHistory;

namespace BackOffice.Domain.Tests.Recruiting;

public class CandidateSpecs
{
    private static readonly JobOpening Opening = Spec.Given(JobOpening.From, new JobOpeningOpened(OpeningId, "Clerk", Spec.Id(600), "mia", 1)).State;
    private static DecisionContext Hr => Spec.As("hilda");

    private static ApplyToJobOpening Application(string name = "Alice Example", string email = "alice@example.com", string? phone = "+32 2 555 01 02", string? resume = "Ten years of filing.")
        => new(CandidateId, SubjectId, OpeningId, name, email, phone, resume);

    // --- apply ---

    [Fact]
    public void Apply_records_the_subject_and_references_only()
        => Given()
            .When(() => Candidate.ApplyFor(Application(), Opening))
            .Then(Applied)
            .And(candidate =>
            {
                candidate.Stage.ShouldBe(CandidateStage.Applied);
                candidate.SubjectId.ShouldBe(SubjectId);
            });

    [Fact]
    public void Apply_without_resume_says_so()
        => Spec.When(() => Candidate.ApplyFor(Application(resume: " "), Opening)).Then(Applied with { ResumeProvided = false });

    [Theory]
    [InlineData("", "alice@example.com", null, "name")]
    [InlineData("Alice", "", null, "email")]
    [InlineData("Alice", "alice.example.com", null, "email")]
    [InlineData("Alice", "alice@example", null, "email")]
    [InlineData("Alice", "al ice@example.com", null, "email")]
    [InlineData("Alice", "a@b@example.com", null, "email")]
    [InlineData("Alice", "alice@example.com", "call me", "phone")]
    [InlineData("Alice", "alice@example.com", "12", "phone")]
    public void Apply_refuses_invalid_personal_values(string name, string email, string? phone, string field)
        => Spec.When(() => Candidate.ApplyFor(Application(name, email, phone), Opening)).ThenRefused(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void Apply_refuses_a_resume_over_the_limit()
        => Spec.When(() => Candidate.ApplyFor(Application(resume: new string('r', Candidate.MaxResumeLength + 1)), Opening))
            .ThenRefused(ErrorCodes.ValidationFailed, "resume");

    [Fact]
    public void Apply_to_a_closed_opening_is_refused()
    {
        var closed = JobOpening.Evolve(Opening, new JobOpeningClosed(OpeningId, "budget"))!;
        Spec.When(() => Candidate.ApplyFor(Application(), closed)).ThenRefused(ErrorCodes.JobOpeningNotOpen);
    }

    [Fact]
    public void Apply_to_a_filled_opening_is_refused()
    {
        var filled = JobOpening.Evolve(Opening, new JobPositionFilled(OpeningId, Spec.Id(9), Spec.Id(10)))!;
        Spec.When(() => Candidate.ApplyFor(Application(), filled)).ThenRefused(ErrorCodes.JobOpeningNotOpen);
    }

    [Fact]
    public void Apply_to_another_opening_than_the_one_given_is_not_found()
        => Spec.When(() => Candidate.ApplyFor(Application() with { JobOpeningId = Spec.Id(301) }, Opening)).ThenRefused(ErrorCodes.NotFound);

    // --- screen, shortlist ---

    [Fact]
    public void Screen_passed_moves_to_screened()
        => Given(AtApplied)
            .When(c => c.Screen(new ScreenCandidate(true, "solid")))
            .Then(Screened with { NotesRecorded = true })
            .And(c => c.Stage.ShouldBe(CandidateStage.Screened));

    [Fact]
    public void Screen_not_passed_rejects_with_does_not_fit()
        => Given(AtApplied)
            .When(c => c.Screen(new ScreenCandidate(false)))
            .Then(new CandidateScreened(CandidateId, SubjectId, false, false), new CandidateRejected(CandidateId, SubjectId, RejectionReason.DoesNotFit, false))
            .And(c => c.Stage.ShouldBe(CandidateStage.Rejected));

    [Fact]
    public void Screen_refuses_notes_over_the_limit()
        => Given(AtApplied)
            .When(c => c.Screen(new ScreenCandidate(true, new string('n', Candidate.MaxNotesLength + 1))))
            .ThenRefused(ErrorCodes.ValidationFailed, "notes");

    [Fact]
    public void Shortlist_moves_to_shortlisted()
        => Given(AtScreened)
            .When(c => c.Shortlist(new ShortlistCandidate()))
            .Then(Shortlisted)
            .And(c => c.Stage.ShouldBe(CandidateStage.Shortlisted));

    // --- interviews ---

    [Fact]
    public void The_first_interview_moves_to_interviewing_with_an_id_from_the_context()
    {
        var outcome = Given(AtShortlisted)
            .When(c => c.Schedule(new ScheduleInterview(Spec.Now.AddDays(1), [" ann ", "bob", "ann"], " Room 1 "), Hr))
            .And(after =>
            {
                after.Stage.ShouldBe(CandidateStage.Interviewing);
                after.Interviews.ShouldHaveSingleItem().Status.ShouldBe(InterviewStatus.Scheduled);
            });
        var scheduled = outcome.Events.ShouldHaveSingleItem().ShouldBeOfType<InterviewScheduled>();
        scheduled.InterviewId.ShouldBe(Spec.Id(1));
        scheduled.At.ShouldBe(Spec.Now.AddDays(1));
        scheduled.Interviewers.ShouldBe(["ann", "bob"]);
        scheduled.Location.ShouldBe("Room 1");
    }

    [Fact]
    public void Another_interview_keeps_the_candidate_interviewing()
        => Given(AtInterviewing)
            .When(c => c.Schedule(new ScheduleInterview(Spec.Now.AddDays(5), ["dan"], "Room 4"), Hr))
            .And(after =>
            {
                after.Stage.ShouldBe(CandidateStage.Interviewing);
                after.Interviews.Count.ShouldBe(3);
            });

    [Fact]
    public void Schedule_needs_an_interviewer()
        => Given(AtShortlisted)
            .When(c => c.Schedule(new ScheduleInterview(Spec.Now.AddDays(1), [], "Room"), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "interviewers");

    [Fact]
    public void Schedule_refuses_a_blank_interviewer()
        => Given(AtShortlisted)
            .When(c => c.Schedule(new ScheduleInterview(Spec.Now.AddDays(1), ["ann", " "], "Room"), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "interviewers[1]");

    [Fact]
    public void Schedule_needs_a_location()
        => Given(AtShortlisted)
            .When(c => c.Schedule(new ScheduleInterview(Spec.Now.AddDays(1), ["ann"], ""), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "location");

    [Fact]
    public void Schedule_refuses_a_time_in_the_past()
        => Given(AtShortlisted)
            .When(c => c.Schedule(new ScheduleInterview(Spec.Now, ["ann"], "Room"), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "at");

    [Fact]
    public void Reschedule_moves_a_scheduled_interview()
        => Given(AtInterviewing)
            .When(c => c.Reschedule(new RescheduleInterview(ScheduledInterviewId, Spec.Now.AddDays(7)), Hr))
            .Then(new InterviewRescheduled(CandidateId, SubjectId, ScheduledInterviewId, Spec.Now.AddDays(7)))
            .And(c => c.Interviews.Single(i => i.InterviewId == ScheduledInterviewId).At.ShouldBe(Spec.Now.AddDays(7)));

    [Fact]
    public void Reschedule_to_the_same_time_changes_nothing()
        => Given(AtInterviewing).When(c => c.Reschedule(new RescheduleInterview(ScheduledInterviewId, SecondInterview.At), Hr)).ThenNothing();

    [Fact]
    public void Reschedule_refuses_a_time_in_the_past()
        => Given(AtInterviewing)
            .When(c => c.Reschedule(new RescheduleInterview(ScheduledInterviewId, Spec.Now.AddMinutes(-1)), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "at");

    [Fact]
    public void Reschedule_of_a_held_interview_is_refused()
        => Given(AtInterviewing)
            .When(c => c.Reschedule(new RescheduleInterview(HeldInterviewId, Spec.Now.AddDays(7)), Hr))
            .ThenRefused(ErrorCodes.InterviewTransitionNotAllowed);

    [Fact]
    public void Reschedule_of_an_unknown_interview_is_not_found()
        => Given(AtInterviewing)
            .When(c => c.Reschedule(new RescheduleInterview(Spec.Id(999), Spec.Now.AddDays(7)), Hr))
            .ThenRefused(ErrorCodes.NotFound);

    [Fact]
    public void Cancel_cancels_a_scheduled_interview_and_keeps_the_reason_out_of_the_event()
        => Given(AtInterviewing)
            .When(c => c.Cancel(new CancelInterview(ScheduledInterviewId, "candidate ill")))
            .Then(new InterviewCancelled(CandidateId, SubjectId, ScheduledInterviewId))
            .And(c => c.Interviews.Single(i => i.InterviewId == ScheduledInterviewId).Status.ShouldBe(InterviewStatus.Cancelled));

    [Fact]
    public void Cancel_needs_a_reason()
        => Given(AtInterviewing).When(c => c.Cancel(new CancelInterview(ScheduledInterviewId, " "))).ThenRefused(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Cancel_of_a_cancelled_interview_is_refused()
        => Given([.. AtInterviewing, new InterviewCancelled(CandidateId, SubjectId, ScheduledInterviewId)])
            .When(c => c.Cancel(new CancelInterview(ScheduledInterviewId, "again")))
            .ThenRefused(ErrorCodes.InterviewTransitionNotAllowed);

    [Fact]
    public void Reschedule_of_a_cancelled_interview_is_refused()
        => Given([.. AtInterviewing, new InterviewCancelled(CandidateId, SubjectId, ScheduledInterviewId)])
            .When(c => c.Reschedule(new RescheduleInterview(ScheduledInterviewId, Spec.Now.AddDays(9)), Hr))
            .ThenRefused(ErrorCodes.InterviewTransitionNotAllowed);

    // --- feedback ---

    [Fact]
    public void An_interviewer_records_feedback_in_their_name_and_the_interview_is_held()
        => Given(AtInterviewing)
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 5, Recommendation.Hire, "great"), Spec.As("carol"), actingAsHr: false))
            .Then(new InterviewFeedbackRecorded(CandidateId, SubjectId, ScheduledInterviewId, "carol", 5, Recommendation.Hire, true))
            .And(c =>
            {
                var interview = c.Interviews.Single(i => i.InterviewId == ScheduledInterviewId);
                interview.Status.ShouldBe(InterviewStatus.Held);
                interview.Feedback.ShouldBe([new InterviewFeedback("carol", 5, Recommendation.Hire)]);
            });

    [Fact]
    public void A_second_interviewer_adds_feedback_to_a_held_interview()
        => Given(AtInterviewing)
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(HeldInterviewId, 2, Recommendation.NoHire), Spec.As("bob"), actingAsHr: false))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<InterviewFeedbackRecorded>().Interviewer.ShouldBe("bob");

    [Fact]
    public void Hr_may_record_feedback_without_being_an_interviewer()
        => Given(AtInterviewing)
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 3, Recommendation.Unsure), Hr, actingAsHr: true))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<InterviewFeedbackRecorded>().Interviewer.ShouldBe("hilda");

    [Fact]
    public void Someone_else_may_not_record_feedback()
        => Given(AtInterviewing)
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 3, Recommendation.Unsure), Spec.As("ann"), actingAsHr: false))
            .ThenRefused(ErrorCodes.NotAnInterviewer);

    [Fact]
    public void An_interviewer_records_feedback_once_per_interview()
        => Given(AtInterviewing)
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(HeldInterviewId, 5, Recommendation.Hire), Spec.As("ann"), actingAsHr: false))
            .ThenRefused(ErrorCodes.FeedbackAlreadyRecorded);

    [Fact]
    public void No_feedback_on_a_cancelled_interview()
        => Given([.. AtInterviewing, new InterviewCancelled(CandidateId, SubjectId, ScheduledInterviewId)])
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 4, Recommendation.Hire), Spec.As("carol"), actingAsHr: false))
            .ThenRefused(ErrorCodes.InterviewTransitionNotAllowed);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Feedback_score_is_one_to_five(int score)
        => Given(AtInterviewing)
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, score, Recommendation.Hire), Spec.As("carol"), false))
            .ThenRefused(ErrorCodes.ValidationFailed, "score");

    [Fact]
    public void Feedback_recommendation_must_be_known()
        => Given(AtInterviewing)
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 3, (Recommendation)9), Spec.As("carol"), false))
            .ThenRefused(ErrorCodes.ValidationFailed, "recommendation");

    [Fact]
    public void Feedback_on_an_unknown_interview_is_not_found()
        => Given(AtInterviewing)
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(Spec.Id(999), 3, Recommendation.Hire), Hr, true))
            .ThenRefused(ErrorCodes.NotFound);

    // --- offer ---

    [Fact]
    public void Offer_moves_to_offered()
        => Given(AtInterviewing)
            .When(c => c.Extend(new ExtendOffer(52_000.50m, new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 5)), Hr))
            .Then(Offered)
            .And(c =>
            {
                c.Stage.ShouldBe(CandidateStage.Offered);
                c.Offer.ShouldBe(new Offer(52_000.50m, new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 5), OfferStatus.Extended));
            });

    [Fact]
    public void Offer_before_any_feedback_is_refused()
        => Given([.. AtShortlisted, FirstInterview]).When(c => c.Extend(new ExtendOffer(1m, Today, Today), Hr)).ThenRefused(ErrorCodes.OfferNeedsFeedback);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.234)]
    public void Offer_salary_is_positive_with_two_decimals(double salary)
        => Given(AtInterviewing).When(c => c.Extend(new ExtendOffer((decimal)salary, Today, Today), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "salary");

    [Fact]
    public void Offer_start_date_is_not_in_the_past()
        => Given(AtInterviewing).When(c => c.Extend(new ExtendOffer(1m, Today.AddDays(-1), Today), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "startDate");

    [Fact]
    public void Offer_expiry_is_not_in_the_past()
        => Given(AtInterviewing).When(c => c.Extend(new ExtendOffer(1m, Today, Today.AddDays(-1)), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "expiresOn");

    [Fact]
    public void Accept_records_the_day_the_opening_and_the_start_date_for_the_hire()
        => Given(AtOffered)
            .When(c => c.Accept(new AcceptOffer(), Hr))
            .Then(Accepted)
            .And(c =>
            {
                c.Stage.ShouldBe(CandidateStage.Offered);
                c.Offer!.Status.ShouldBe(OfferStatus.Accepted);
            });

    [Fact]
    public void Accept_on_the_expiry_day_is_allowed()
        => Given(AtOffered)
            .When(c => c.Accept(new AcceptOffer(), new DecisionContext("hilda", new DateTimeOffset(2026, 12, 5, 23, 59, 0, TimeSpan.Zero), Guid.NewGuid)))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<OfferAccepted>().AcceptedOn.ShouldBe(new DateOnly(2026, 12, 5));

    [Fact]
    public void Accept_after_the_expiry_day_is_refused()
        => Given(AtOffered)
            .When(c => c.Accept(new AcceptOffer(), new DecisionContext("hilda", new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), Guid.NewGuid)))
            .ThenRefused(ErrorCodes.OfferExpired);

    [Fact]
    public void Accepting_an_accepted_offer_changes_nothing()
        => Given(AtAccepted).When(c => c.Accept(new AcceptOffer(), Hr)).ThenNothing();

    [Fact]
    public void Decline_withdraws_the_candidate_without_the_reason_text()
        => Given(AtOffered)
            .When(c => c.Decline(new DeclineOffer("took another job")))
            .Then(new OfferDeclined(CandidateId, SubjectId, true), new CandidateWithdrawn(CandidateId, SubjectId, true))
            .And(c =>
            {
                c.Stage.ShouldBe(CandidateStage.Withdrawn);
                c.Offer!.Status.ShouldBe(OfferStatus.Declined);
            });

    [Fact]
    public void An_expired_offer_can_still_be_declined()
        => Given(AtOffered).When(c => c.Decline(new DeclineOffer())).Events.Count.ShouldBe(2);

    [Fact]
    public void Decline_after_acceptance_is_refused()
        => Given(AtAccepted).When(c => c.Decline(new DeclineOffer())).ThenRefused(ErrorCodes.OfferNotOutstanding);

    // --- reject, withdraw, hire ---

    [Theory]
    [InlineData(RejectionReason.DoesNotFit)]
    [InlineData(RejectionReason.PositionFilled)]
    [InlineData(RejectionReason.Duplicate)]
    [InlineData(RejectionReason.Spam)]
    public void Reject_with_a_fixed_reason(RejectionReason reason)
        => Given(AtScreened)
            .When(c => c.Reject(new RejectCandidate(reason)))
            .Then(new CandidateRejected(CandidateId, SubjectId, reason, false))
            .And(c => c.Stage.ShouldBe(CandidateStage.Rejected));

    [Fact]
    public void Reject_for_another_reason_needs_notes()
        => Given(AtApplied).When(c => c.Reject(new RejectCandidate(RejectionReason.Other))).ThenRefused(ErrorCodes.ValidationFailed, "notes");

    [Fact]
    public void Reject_for_another_reason_with_notes_says_notes_exist()
        => Given(AtApplied)
            .When(c => c.Reject(new RejectCandidate(RejectionReason.Other, "relocating abroad")))
            .Then(new CandidateRejected(CandidateId, SubjectId, RejectionReason.Other, true));

    [Fact]
    public void Reject_reason_must_be_known()
        => Given(AtApplied).When(c => c.Reject(new RejectCandidate((RejectionReason)42))).ThenRefused(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Withdraw_moves_to_withdrawn()
        => Given(AtOffered)
            .When(c => c.Withdraw(new WithdrawCandidate("moved")))
            .Then(new CandidateWithdrawn(CandidateId, SubjectId, true))
            .And(c => c.Stage.ShouldBe(CandidateStage.Withdrawn));

    [Fact]
    public void Mark_hired_after_acceptance_records_the_employee()
        => Given(AtAccepted)
            .When(c => c.MarkHired(new MarkCandidateHired(EmployeeId)))
            .Then(Hired)
            .And(c =>
            {
                c.Stage.ShouldBe(CandidateStage.Hired);
                c.EmployeeId.ShouldBe(EmployeeId);
            });

    [Fact]
    public void Mark_hired_again_with_the_same_employee_changes_nothing()
        => Given(AtHired).When(c => c.MarkHired(new MarkCandidateHired(EmployeeId))).ThenNothing();

    [Fact]
    public void Mark_hired_with_another_employee_is_refused()
        => Given(AtHired).When(c => c.MarkHired(new MarkCandidateHired(Spec.Id(501)))).ThenRefused(ErrorCodes.CandidateAlreadyHired);

    [Fact]
    public void Mark_hired_before_the_offer_is_accepted_is_refused()
        => Given(AtOffered).When(c => c.MarkHired(new MarkCandidateHired(EmployeeId))).ThenRefused(ErrorCodes.StageTransitionNotAllowed);

    [Fact]
    public void Mark_hired_after_withdrawing_an_accepted_offer_is_refused()
        => Given([.. AtAccepted, new CandidateWithdrawn(CandidateId, SubjectId, false)])
            .When(c => c.MarkHired(new MarkCandidateHired(EmployeeId)))
            .ThenRefused(ErrorCodes.StageTransitionNotAllowed);

    // --- personal data ---

    [Fact]
    public void No_personal_value_reaches_a_candidate_event()
    {
        const string name = "Zoë Privé", email = "zoe.prive@example.org", phone = "+32 470 99 88 77", resume = "RESUME-TEXT-7731";
        const string screening = "SCREENING-NOTE-1", feedback = "FEEDBACK-NOTE-2", decline = "DECLINE-REASON-3", cancel = "CANCEL-REASON-4";
        var hr = Spec.As("hilda");

        var events = Given()
            .When(() => Candidate.ApplyFor(new ApplyToJobOpening(CandidateId, SubjectId, OpeningId, name, email, phone, resume), Opening))
            .When(c => c.Screen(new ScreenCandidate(true, screening)))
            .When(c => c.Shortlist(new ShortlistCandidate()))
            .When(c => c.Schedule(new ScheduleInterview(Spec.Now.AddDays(1), ["ann"], "Room 1"), hr))
            .When(c => c.Schedule(new ScheduleInterview(Spec.Now.AddDays(2), ["bob"], "Room 2"), hr))
            .When(c => c.Cancel(new CancelInterview(c.Interviews[1].InterviewId, cancel)))
            .When(c => c.RecordFeedback(new RecordInterviewFeedback(c.Interviews[0].InterviewId, 4, Recommendation.Hire, feedback), Spec.As("ann"), false))
            .When(c => c.Extend(new ExtendOffer(1000m, Today.AddDays(30), Today.AddDays(7)), Hr))
            .When(c => c.Decline(new DeclineOffer(decline)))
            .And(c => c.Stage.ShouldBe(CandidateStage.Withdrawn))
            .History.Cast<ICandidateEvent>().ToList();

        var stored = string.Join('\n', events.Select(e => JsonSerializer.Serialize(e, e.GetType())));
        foreach (var secret in new[] { "Zo", "Priv", email, "470", resume, screening, feedback, decline, cancel })
            stored.ShouldNotContain(secret, Case.Insensitive);
        events.ShouldAllBe(e => e.SubjectId == SubjectId);
    }

    [Fact]
    public void Candidate_events_have_no_free_text_field()
    {
        // Staff user names and the interview place are the only texts a candidate event may carry.
        var allowed = new[] { "Interviewer", "Interviewers", "Location" };
        var texts = typeof(ICandidateEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(ICandidateEvent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties().Select(p => (t, p)))
            .Where(x => x.p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(x.p.PropertyType))
            .Select(x => $"{x.t.Name}.{x.p.Name}")
            .Where(n => !allowed.Contains(n[(n.IndexOf('.', StringComparison.Ordinal) + 1)..]))
            .ToList();
        texts.ShouldBeEmpty();
    }
}
