using System.Text.Json;
using BackOffice.Domain.Recruiting;
using static BackOffice.Domain.Tests.Recruiting.CandidateHistory;

namespace BackOffice.Domain.Tests.Recruiting;

public class CandidateSpecs
{
    private static readonly JobOpening Opening = JobOpening.From([new JobOpeningOpened(OpeningId, "Clerk", Spec.Id(600), "mia", 1)]).ShouldNotBeNull();
    private static DecisionContext Hr => Spec.As("hilda");

    private static ApplyToJobOpening Application(string name = "Alice Example", string email = "alice@example.com", string? phone = "+32 2 555 01 02", string? resume = "Ten years of filing.")
        => new(CandidateId, SubjectId, OpeningId, name, email, phone, resume);

    private static Candidate After(object[] history, IEnumerable<ICandidateEvent> events) => Candidate.From([.. history, .. events]).ShouldNotBeNull();

    // --- apply ---

    [Fact]
    public void Apply_records_the_subject_and_references_only()
    {
        var events = Candidate.ApplyFor(Application(), Opening);
        events.ShouldBe([Applied]);
        var candidate = After([], events);
        candidate.Stage.ShouldBe(CandidateStage.Applied);
        candidate.SubjectId.ShouldBe(SubjectId);
    }

    [Fact]
    public void Apply_without_resume_says_so()
        => Candidate.ApplyFor(Application(resume: " "), Opening).ShouldBe([Applied with { ResumeProvided = false }]);

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
        => ((Func<object>)(() => Candidate.ApplyFor(Application(name, email, phone), Opening))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void Apply_refuses_a_resume_over_the_limit()
        => ((Func<object>)(() => Candidate.ApplyFor(Application(resume: new string('r', Candidate.MaxResumeLength + 1)), Opening)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "resume");

    [Fact]
    public void Apply_to_a_closed_opening_is_refused()
    {
        var closed = JobOpening.Evolve(Opening, new JobOpeningClosed(OpeningId, "budget"))!;
        ((Func<object>)(() => Candidate.ApplyFor(Application(), closed))).ShouldBeRefusedWith(ErrorCodes.JobOpeningNotOpen);
    }

    [Fact]
    public void Apply_to_a_filled_opening_is_refused()
    {
        var filled = JobOpening.Evolve(Opening, new JobPositionFilled(OpeningId, Spec.Id(9), Spec.Id(10)))!;
        ((Func<object>)(() => Candidate.ApplyFor(Application(), filled))).ShouldBeRefusedWith(ErrorCodes.JobOpeningNotOpen);
    }

    [Fact]
    public void Apply_to_another_opening_than_the_one_given_is_not_found()
        => ((Func<object>)(() => Candidate.ApplyFor(Application() with { JobOpeningId = Spec.Id(301) }, Opening))).ShouldBeRefusedWith(ErrorCodes.NotFound);

    // --- screen, shortlist ---

    [Fact]
    public void Screen_passed_moves_to_screened()
    {
        var events = Given(AtApplied).Screen(new ScreenCandidate(true, "solid"));
        events.ShouldBe([Screened with { NotesRecorded = true }]);
        After(AtApplied, events).Stage.ShouldBe(CandidateStage.Screened);
    }

    [Fact]
    public void Screen_not_passed_rejects_with_does_not_fit()
    {
        var events = Given(AtApplied).Screen(new ScreenCandidate(false));
        events.ShouldBe([new CandidateScreened(CandidateId, SubjectId, false, false), new CandidateRejected(CandidateId, SubjectId, RejectionReason.DoesNotFit, false)]);
        After(AtApplied, events).Stage.ShouldBe(CandidateStage.Rejected);
    }

    [Fact]
    public void Screen_refuses_notes_over_the_limit()
        => ((Func<object>)(() => Given(AtApplied).Screen(new ScreenCandidate(true, new string('n', Candidate.MaxNotesLength + 1)))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "notes");

    [Fact]
    public void Shortlist_moves_to_shortlisted()
    {
        var events = Given(AtScreened).Shortlist(new ShortlistCandidate());
        events.ShouldBe([Shortlisted]);
        After(AtScreened, events).Stage.ShouldBe(CandidateStage.Shortlisted);
    }

    // --- interviews ---

    [Fact]
    public void The_first_interview_moves_to_interviewing_with_an_id_from_the_context()
    {
        var events = Given(AtShortlisted).Schedule(new ScheduleInterview(Spec.Now.AddDays(1), [" ann ", "bob", "ann"], " Room 1 "), Hr);
        var scheduled = events.ShouldHaveSingleItem().ShouldBeOfType<InterviewScheduled>();
        scheduled.InterviewId.ShouldBe(Spec.Id(1));
        scheduled.At.ShouldBe(Spec.Now.AddDays(1));
        scheduled.Interviewers.ShouldBe(["ann", "bob"]);
        scheduled.Location.ShouldBe("Room 1");
        var after = After(AtShortlisted, events);
        after.Stage.ShouldBe(CandidateStage.Interviewing);
        after.Interviews.ShouldHaveSingleItem().Status.ShouldBe(InterviewStatus.Scheduled);
    }

    [Fact]
    public void Another_interview_keeps_the_candidate_interviewing()
    {
        var events = Given(AtInterviewing).Schedule(new ScheduleInterview(Spec.Now.AddDays(5), ["dan"], "Room 4"), Hr);
        var after = After(AtInterviewing, events);
        after.Stage.ShouldBe(CandidateStage.Interviewing);
        after.Interviews.Count.ShouldBe(3);
    }

    [Fact]
    public void Schedule_needs_an_interviewer()
        => ((Func<object>)(() => Given(AtShortlisted).Schedule(new ScheduleInterview(Spec.Now.AddDays(1), [], "Room"), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "interviewers");

    [Fact]
    public void Schedule_refuses_a_blank_interviewer()
        => ((Func<object>)(() => Given(AtShortlisted).Schedule(new ScheduleInterview(Spec.Now.AddDays(1), ["ann", " "], "Room"), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "interviewers[1]");

    [Fact]
    public void Schedule_needs_a_location()
        => ((Func<object>)(() => Given(AtShortlisted).Schedule(new ScheduleInterview(Spec.Now.AddDays(1), ["ann"], ""), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "location");

    [Fact]
    public void Schedule_refuses_a_time_in_the_past()
        => ((Func<object>)(() => Given(AtShortlisted).Schedule(new ScheduleInterview(Spec.Now, ["ann"], "Room"), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "at");

    [Fact]
    public void Reschedule_moves_a_scheduled_interview()
    {
        var events = Given(AtInterviewing).Reschedule(new RescheduleInterview(ScheduledInterviewId, Spec.Now.AddDays(7)), Hr);
        events.ShouldBe([new InterviewRescheduled(CandidateId, SubjectId, ScheduledInterviewId, Spec.Now.AddDays(7))]);
        After(AtInterviewing, events).Interviews.Single(i => i.InterviewId == ScheduledInterviewId).At.ShouldBe(Spec.Now.AddDays(7));
    }

    [Fact]
    public void Reschedule_to_the_same_time_changes_nothing()
        => Given(AtInterviewing).Reschedule(new RescheduleInterview(ScheduledInterviewId, SecondInterview.At), Hr).ShouldBeEmpty();

    [Fact]
    public void Reschedule_refuses_a_time_in_the_past()
        => ((Func<object>)(() => Given(AtInterviewing).Reschedule(new RescheduleInterview(ScheduledInterviewId, Spec.Now.AddMinutes(-1)), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "at");

    [Fact]
    public void Reschedule_of_a_held_interview_is_refused()
        => ((Func<object>)(() => Given(AtInterviewing).Reschedule(new RescheduleInterview(HeldInterviewId, Spec.Now.AddDays(7)), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.InterviewTransitionNotAllowed);

    [Fact]
    public void Reschedule_of_an_unknown_interview_is_not_found()
        => ((Func<object>)(() => Given(AtInterviewing).Reschedule(new RescheduleInterview(Spec.Id(999), Spec.Now.AddDays(7)), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.NotFound);

    [Fact]
    public void Cancel_cancels_a_scheduled_interview_and_keeps_the_reason_out_of_the_event()
    {
        var events = Given(AtInterviewing).Cancel(new CancelInterview(ScheduledInterviewId, "candidate ill"));
        events.ShouldBe([new InterviewCancelled(CandidateId, SubjectId, ScheduledInterviewId)]);
        After(AtInterviewing, events).Interviews.Single(i => i.InterviewId == ScheduledInterviewId).Status.ShouldBe(InterviewStatus.Cancelled);
    }

    [Fact]
    public void Cancel_needs_a_reason()
        => ((Func<object>)(() => Given(AtInterviewing).Cancel(new CancelInterview(ScheduledInterviewId, " "))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Cancel_of_a_cancelled_interview_is_refused()
        => ((Func<object>)(() => Given([.. AtInterviewing, new InterviewCancelled(CandidateId, SubjectId, ScheduledInterviewId)])
                .Cancel(new CancelInterview(ScheduledInterviewId, "again"))))
            .ShouldBeRefusedWith(ErrorCodes.InterviewTransitionNotAllowed);

    [Fact]
    public void Reschedule_of_a_cancelled_interview_is_refused()
        => ((Func<object>)(() => Given([.. AtInterviewing, new InterviewCancelled(CandidateId, SubjectId, ScheduledInterviewId)])
                .Reschedule(new RescheduleInterview(ScheduledInterviewId, Spec.Now.AddDays(9)), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.InterviewTransitionNotAllowed);

    // --- feedback ---

    [Fact]
    public void An_interviewer_records_feedback_in_their_name_and_the_interview_is_held()
    {
        var events = Given(AtInterviewing).RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 5, Recommendation.Hire, "great"), Spec.As("carol"), actingAsHr: false);
        events.ShouldBe([new InterviewFeedbackRecorded(CandidateId, SubjectId, ScheduledInterviewId, "carol", 5, Recommendation.Hire, true)]);
        var interview = After(AtInterviewing, events).Interviews.Single(i => i.InterviewId == ScheduledInterviewId);
        interview.Status.ShouldBe(InterviewStatus.Held);
        interview.Feedback.ShouldBe([new InterviewFeedback("carol", 5, Recommendation.Hire)]);
    }

    [Fact]
    public void A_second_interviewer_adds_feedback_to_a_held_interview()
        => Given(AtInterviewing).RecordFeedback(new RecordInterviewFeedback(HeldInterviewId, 2, Recommendation.NoHire), Spec.As("bob"), actingAsHr: false)
            .ShouldHaveSingleItem().ShouldBeOfType<InterviewFeedbackRecorded>().Interviewer.ShouldBe("bob");

    [Fact]
    public void Hr_may_record_feedback_without_being_an_interviewer()
        => Given(AtInterviewing).RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 3, Recommendation.Unsure), Hr, actingAsHr: true)
            .ShouldHaveSingleItem().ShouldBeOfType<InterviewFeedbackRecorded>().Interviewer.ShouldBe("hilda");

    [Fact]
    public void Someone_else_may_not_record_feedback()
        => ((Func<object>)(() => Given(AtInterviewing).RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 3, Recommendation.Unsure), Spec.As("ann"), actingAsHr: false)))
            .ShouldBeRefusedWith(ErrorCodes.NotAnInterviewer);

    [Fact]
    public void An_interviewer_records_feedback_once_per_interview()
        => ((Func<object>)(() => Given(AtInterviewing).RecordFeedback(new RecordInterviewFeedback(HeldInterviewId, 5, Recommendation.Hire), Spec.As("ann"), actingAsHr: false)))
            .ShouldBeRefusedWith(ErrorCodes.FeedbackAlreadyRecorded);

    [Fact]
    public void No_feedback_on_a_cancelled_interview()
        => ((Func<object>)(() => Given([.. AtInterviewing, new InterviewCancelled(CandidateId, SubjectId, ScheduledInterviewId)])
                .RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 4, Recommendation.Hire), Spec.As("carol"), actingAsHr: false)))
            .ShouldBeRefusedWith(ErrorCodes.InterviewTransitionNotAllowed);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Feedback_score_is_one_to_five(int score)
        => ((Func<object>)(() => Given(AtInterviewing).RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, score, Recommendation.Hire), Spec.As("carol"), false)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "score");

    [Fact]
    public void Feedback_recommendation_must_be_known()
        => ((Func<object>)(() => Given(AtInterviewing).RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 3, (Recommendation)9), Spec.As("carol"), false)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "recommendation");

    [Fact]
    public void Feedback_on_an_unknown_interview_is_not_found()
        => ((Func<object>)(() => Given(AtInterviewing).RecordFeedback(new RecordInterviewFeedback(Spec.Id(999), 3, Recommendation.Hire), Hr, true)))
            .ShouldBeRefusedWith(ErrorCodes.NotFound);

    // --- offer ---

    [Fact]
    public void Offer_moves_to_offered()
    {
        var events = Given(AtInterviewing).Extend(new ExtendOffer(52_000.50m, new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 5)), Hr);
        events.ShouldBe([Offered]);
        var after = After(AtInterviewing, events);
        after.Stage.ShouldBe(CandidateStage.Offered);
        after.Offer.ShouldBe(new Offer(52_000.50m, new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 5), OfferStatus.Extended));
    }

    [Fact]
    public void Offer_before_any_feedback_is_refused()
        => ((Func<object>)(() => Given([.. AtShortlisted, FirstInterview]).Extend(new ExtendOffer(1m, Today, Today), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.OfferNeedsFeedback);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.234)]
    public void Offer_salary_is_positive_with_two_decimals(double salary)
        => ((Func<object>)(() => Given(AtInterviewing).Extend(new ExtendOffer((decimal)salary, Today, Today), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "salary");

    [Fact]
    public void Offer_start_date_is_not_in_the_past()
        => ((Func<object>)(() => Given(AtInterviewing).Extend(new ExtendOffer(1m, Today.AddDays(-1), Today), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "startDate");

    [Fact]
    public void Offer_expiry_is_not_in_the_past()
        => ((Func<object>)(() => Given(AtInterviewing).Extend(new ExtendOffer(1m, Today, Today.AddDays(-1)), Hr)))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "expiresOn");

    [Fact]
    public void Accept_records_the_day_the_opening_and_the_start_date_for_the_hire()
    {
        var events = Given(AtOffered).Accept(new AcceptOffer(), Hr);
        events.ShouldBe([Accepted]);
        var after = After(AtOffered, events);
        after.Stage.ShouldBe(CandidateStage.Offered);
        after.Offer!.Status.ShouldBe(OfferStatus.Accepted);
    }

    [Fact]
    public void Accept_on_the_expiry_day_is_allowed()
        => Given(AtOffered).Accept(new AcceptOffer(), new DecisionContext("hilda", new DateTimeOffset(2026, 12, 5, 23, 59, 0, TimeSpan.Zero), Guid.NewGuid))
            .ShouldHaveSingleItem().ShouldBeOfType<OfferAccepted>().AcceptedOn.ShouldBe(new DateOnly(2026, 12, 5));

    [Fact]
    public void Accept_after_the_expiry_day_is_refused()
        => ((Func<object>)(() => Given(AtOffered).Accept(new AcceptOffer(), new DecisionContext("hilda", new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), Guid.NewGuid))))
            .ShouldBeRefusedWith(ErrorCodes.OfferExpired);

    [Fact]
    public void Accepting_an_accepted_offer_changes_nothing()
        => Given(AtAccepted).Accept(new AcceptOffer(), Hr).ShouldBeEmpty();

    [Fact]
    public void Decline_withdraws_the_candidate_without_the_reason_text()
    {
        var events = Given(AtOffered).Decline(new DeclineOffer("took another job"));
        events.ShouldBe([new OfferDeclined(CandidateId, SubjectId, true), new CandidateWithdrawn(CandidateId, SubjectId, true)]);
        var after = After(AtOffered, events);
        after.Stage.ShouldBe(CandidateStage.Withdrawn);
        after.Offer!.Status.ShouldBe(OfferStatus.Declined);
    }

    [Fact]
    public void An_expired_offer_can_still_be_declined()
        => Given(AtOffered).Decline(new DeclineOffer()).Count.ShouldBe(2);

    [Fact]
    public void Decline_after_acceptance_is_refused()
        => ((Func<object>)(() => Given(AtAccepted).Decline(new DeclineOffer()))).ShouldBeRefusedWith(ErrorCodes.OfferNotOutstanding);

    // --- reject, withdraw, hire ---

    [Theory]
    [InlineData(RejectionReason.DoesNotFit)]
    [InlineData(RejectionReason.PositionFilled)]
    [InlineData(RejectionReason.Duplicate)]
    [InlineData(RejectionReason.Spam)]
    public void Reject_with_a_fixed_reason(RejectionReason reason)
    {
        var events = Given(AtScreened).Reject(new RejectCandidate(reason));
        events.ShouldBe([new CandidateRejected(CandidateId, SubjectId, reason, false)]);
        After(AtScreened, events).Stage.ShouldBe(CandidateStage.Rejected);
    }

    [Fact]
    public void Reject_for_another_reason_needs_notes()
        => ((Func<object>)(() => Given(AtApplied).Reject(new RejectCandidate(RejectionReason.Other)))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "notes");

    [Fact]
    public void Reject_for_another_reason_with_notes_says_notes_exist()
        => Given(AtApplied).Reject(new RejectCandidate(RejectionReason.Other, "relocating abroad"))
            .ShouldBe([new CandidateRejected(CandidateId, SubjectId, RejectionReason.Other, true)]);

    [Fact]
    public void Reject_reason_must_be_known()
        => ((Func<object>)(() => Given(AtApplied).Reject(new RejectCandidate((RejectionReason)42)))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Withdraw_moves_to_withdrawn()
    {
        var events = Given(AtOffered).Withdraw(new WithdrawCandidate("moved"));
        events.ShouldBe([new CandidateWithdrawn(CandidateId, SubjectId, true)]);
        After(AtOffered, events).Stage.ShouldBe(CandidateStage.Withdrawn);
    }

    [Fact]
    public void Mark_hired_after_acceptance_records_the_employee()
    {
        var events = Given(AtAccepted).MarkHired(new MarkCandidateHired(EmployeeId));
        events.ShouldBe([Hired]);
        var after = After(AtAccepted, events);
        after.Stage.ShouldBe(CandidateStage.Hired);
        after.EmployeeId.ShouldBe(EmployeeId);
    }

    [Fact]
    public void Mark_hired_again_with_the_same_employee_changes_nothing()
        => Given(AtHired).MarkHired(new MarkCandidateHired(EmployeeId)).ShouldBeEmpty();

    [Fact]
    public void Mark_hired_with_another_employee_is_refused()
        => ((Func<object>)(() => Given(AtHired).MarkHired(new MarkCandidateHired(Spec.Id(501))))).ShouldBeRefusedWith(ErrorCodes.CandidateAlreadyHired);

    [Fact]
    public void Mark_hired_before_the_offer_is_accepted_is_refused()
        => ((Func<object>)(() => Given(AtOffered).MarkHired(new MarkCandidateHired(EmployeeId)))).ShouldBeRefusedWith(ErrorCodes.StageTransitionNotAllowed);

    [Fact]
    public void Mark_hired_after_withdrawing_an_accepted_offer_is_refused()
        => ((Func<object>)(() => Given([.. AtAccepted, new CandidateWithdrawn(CandidateId, SubjectId, false)]).MarkHired(new MarkCandidateHired(EmployeeId))))
            .ShouldBeRefusedWith(ErrorCodes.StageTransitionNotAllowed);

    // --- personal data ---

    [Fact]
    public void No_personal_value_reaches_a_candidate_event()
    {
        const string name = "Zoë Privé", email = "zoe.prive@example.org", phone = "+32 470 99 88 77", resume = "RESUME-TEXT-7731";
        const string screening = "SCREENING-NOTE-1", feedback = "FEEDBACK-NOTE-2", decline = "DECLINE-REASON-3", cancel = "CANCEL-REASON-4";
        var hr = Spec.As("hilda");
        var events = new List<ICandidateEvent>();
        Candidate Next(IEnumerable<ICandidateEvent> more) { events.AddRange(more); return Candidate.From(events).ShouldNotBeNull(); }

        var c = Next(Candidate.ApplyFor(new ApplyToJobOpening(CandidateId, SubjectId, OpeningId, name, email, phone, resume), Opening));
        c = Next(c.Screen(new ScreenCandidate(true, screening)));
        c = Next(c.Shortlist(new ShortlistCandidate()));
        c = Next(c.Schedule(new ScheduleInterview(Spec.Now.AddDays(1), ["ann"], "Room 1"), hr));
        c = Next(c.Schedule(new ScheduleInterview(Spec.Now.AddDays(2), ["bob"], "Room 2"), hr));
        c = Next(c.Cancel(new CancelInterview(c.Interviews[1].InterviewId, cancel)));
        c = Next(c.RecordFeedback(new RecordInterviewFeedback(c.Interviews[0].InterviewId, 4, Recommendation.Hire, feedback), Spec.As("ann"), false));
        c = Next(c.Extend(new ExtendOffer(1000m, Today.AddDays(30), Today.AddDays(7)), Hr));
        c = Next(c.Decline(new DeclineOffer(decline)));
        c.Stage.ShouldBe(CandidateStage.Withdrawn);

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
