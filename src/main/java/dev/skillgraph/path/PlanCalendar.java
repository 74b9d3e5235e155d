package dev.skillgraph.path;

import dev.skillgraph.domain.Hours;
import dev.skillgraph.domain.NodeRef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A paced plan as an iCalendar file (RFC 5545), written with ical4j: one all-day event per weekly milestone, spanning
 * that week, naming the steps it completes with their hours and resource links. Event UIDs are derived from the
 * goals, what is known, the pace and the start, so downloading the same plan again updates the same events. A plan
 * with nothing left to learn is one event on the first day saying so.
 */
final class PlanCalendar {

    static final String PRODUCT_ID = "-//SkillGraph//Learning plan//EN";

    private PlanCalendar() {}

    /**
     * @param start the first day of week 1
     * @throws IllegalArgumentException when the plan has no pace (no milestones)
     */
    static String render(LearningPlan plan, LocalDate start) {
        if (plan.milestones() == null) {
            throw new IllegalArgumentException("a calendar needs a plan with a pace (hoursPerWeek)");
        }
        Map<String, LearningPlan.Step> steps =
                plan.steps().stream().collect(Collectors.toMap(LearningPlan.Step::id, Function.identity()));
        String goals = PlanExport.oneLine(PlanExport.goalNames(plan));
        String series = series(plan, start);
        int weeks = plan.etaWeeks() == null ? 0 : plan.etaWeeks();
        Calendar calendar = new Calendar();
        calendar.withProdId(PRODUCT_ID).withDefaults();
        for (LearningPlan.Milestone milestone : plan.milestones()) {
            LocalDate from = start.plusWeeks(milestone.week() - 1L);
            List<LearningPlan.Step> done =
                    milestone.completes().stream().map(steps::get).toList();
            String summary = "Week " + milestone.week() + " of " + weeks + " toward " + goals + ": "
                    + done.stream().map(s -> PlanExport.oneLine(s.name())).collect(Collectors.joining(", "));
            VEvent event = new VEvent(from, from.plusWeeks(1), summary);
            event.add(new Uid(series + "-week-" + milestone.week() + "@skillgraph"));
            event.add(new Description(description(milestone, done, plan.totalHours())));
            calendar.add(event);
        }
        if (plan.milestones().isEmpty()) {
            // RFC 5545 wants at least one component: say on the first day that there is nothing to schedule.
            VEvent event = new VEvent(start, start.plusDays(1), "Nothing to learn toward " + goals);
            event.add(new Uid(series + "-empty@skillgraph"));
            event.add(new Description(PlanExport.oneLine(plan.message() == null ? "" : plan.message())));
            calendar.add(event);
        }
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(true).output(calendar, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the plan's calendar is not valid iCalendar: " + e.getMessage(), e);
        }
    }

    private static String description(LearningPlan.Milestone milestone, List<LearningPlan.Step> done, double total) {
        StringBuilder text = new StringBuilder("This week completes:\n");
        for (LearningPlan.Step step : done) {
            text.append("- ").append(PlanExport.oneLine(step.name()));
            if (step.hours() != null) {
                text.append(" (").append(Hours.text(step.hours())).append(" h)");
            }
            text.append('\n');
            for (LearningPlan.Resource resource : step.resources()) {
                text.append("  ")
                        .append(PlanExport.oneLine(resource.name()))
                        .append(": ")
                        .append(resource.url())
                        .append('\n');
            }
        }
        return text.append(Hours.text(milestone.hoursDone()))
                .append(" of ")
                .append(PlanExport.hours(total))
                .append(" done by the end of the week.")
                .toString();
    }

    /** A stable name for this plan's events: the same goals, knowledge, pace and start give the same UIDs. */
    private static String series(LearningPlan plan, LocalDate start) {
        String key = plan.targets().stream().map(NodeRef::id).collect(Collectors.joining(","))
                + "|" + plan.known().stream().map(NodeRef::id).collect(Collectors.joining(","))
                + "|" + plan.hoursPerWeek() + "|" + start;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "plan-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
