"""The plan layer of the Voltera demo: each cycle's A3 record, plan actions, milestones, risks, dependencies
between initiatives and what each team member does on a team.

`build_demo(initiatives, seed, today=…)` builds the portfolio (cxgov/demo/portfolio.py) and completes its rows, so
readings, check-ins and money stay exactly as they were; last it adds the survey KPIs' answers
(cxgov/demo/responses.py). The 40 table initiatives carry the hand-written content
below, dated 'YYYY-MM-DD' like the initiative table (as of the portfolio's REFERENCE_DATE). Every initiative's
content is placed at the same share of its own start → target, so a table initiative's dates move with the day the
demo is dated to, and a scaled variant's land between its own start and target date.
Nothing here draws random numbers: the plan layer is as deterministic as the portfolio.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from cxgov.demo import content
from cxgov.demo import portfolio as demo
from cxgov.demo.content import InitiativeSpec
from cxgov.demo.portfolio import DemoPortfolio, build_portfolio
from cxgov.demo.responses import add_survey_responses
from cxgov.models.enums import Lane, Phase, Status


@dataclass(frozen=True)
class Step:
    """A plan action (with an owner and a cost in thousands of euros) or a milestone. Done on its due date
    once that has passed while the work ran, unless it is `late`: then it is still open."""

    text: str
    due: str
    owner: str = ""
    cost_k: float = 0.0
    late: bool = False


@dataclass(frozen=True)
class RiskSpec:
    title: str
    probability: int  # 1–5
    impact: int  # 1–5
    mitigation: str
    owner: str
    closed: str = ""


@dataclass(frozen=True)
class PlanSpec:
    """A table initiative's A3 texts (a quick fix uses background as its problem and done as its change),
    its current cycle's actions, its milestones and risks."""

    background: str
    current: str = ""
    root_cause: str = ""
    done: str = ""  # what was done so far, from Do on
    sample: int | None = None  # n behind the current cycle's check result
    first_done: str = ""  # what the closed first cycle did (initiatives with one)
    first_sample: int | None = None
    actions: tuple[Step, ...] = ()
    milestones: tuple[Step, ...] = ()
    risks: tuple[RiskSpec, ...] = ()


S, R = Step, RiskSpec
PLANS: dict[int, PlanSpec] = {
    1: PlanSpec(
        "Invoice and credit-note questions are the fourth contact reason, about 2,600 contacts a month. After a "
        "partial return customers get a credit note they cannot match to their invoice.",
        "Invoice contacts 1.9 per 100 orders, 44% of them about a credit note. Readability test: the invoice reads "
        "at C1, the credit note at C2.",
        "The billing vendor wrote the templates in accounting terms; a credit note names neither the returned item "
        "nor the invoice, so the customer cannot see what was refunded.",
        "Invoice and credit note rewritten at B1 with a one-line summary on top; the credit note names the returned "
        "item and the invoice number. Live for all orders since 23 March.",
        5_100, "Invoice template rewritten at B1 and tested with 10 customers; credit note left as it was.", 4_800,
        actions=(S("Test the new credit note with 12 customers in the readability lab", "2026-01-30", "Yvonne Kok",
                   4.5),
                 S("Vendor change: credit note shows the returned item and the invoice number", "2026-03-13",
                   "Lars Prins", 18),
                 S("Brief agents on the new layout and update the FAQ answer", "2026-03-20", "Emma Koster", 1.5),
                 S("Compare invoice contacts for eight weeks with last year", "2026-11-20", "Lotte de Boer"),
                 S("Decision proposal for the CX board: the same layout for business customers", "2026-12-11",
                   "Yvonne Kok")),
        milestones=(S("New invoice template live", "2025-06-02"), S("B1 credit note live", "2026-03-23"),
                    S("Eight-week effect measured", "2026-11-20"), S("Act decision at the CX board", "2026-12-14")),
        risks=(R("Billing vendor charges every template change separately", 3, 2,
                 "Bundle all changes in one change request at a fixed price.", "Yvonne Kok", "2026-02-20"),)),
    2: PlanSpec(
        "After a return customers wait five to ten working days for their money and cannot see where the refund "
        "is. 'Where is my refund?' is 9% of all contacts after a return.",
        "About 3,400 refund contacts a month; 27% of returners contact us at least once before the money arrives; "
        "31% of refund questions lead to a repeat contact within 7 days.",
        "The refund exists only in Finance's system: neither My Account nor the agent sees it, and the payment "
        "provider does not report when the money has been sent.",
        "Status page tested with 8 customers; My Account shows 'return received' and 'refund approved' since "
        "October. The 'refund sent' step waits for the payment provider's webhook.",
        actions=(S("Map the refund flow from parcel scan to bank account", "2026-03-13", "Yvonne Kok"),
                 S("Design and test the status page with 8 customers", "2026-05-29", "Sophie Verhoeven", 6),
                 S("Build 'return received' and 'refund approved' in My Account", "2026-10-02", "Lars Prins", 38),
                 S("Connect the payment provider's refund webhook", "2026-11-20", "Lars Prins", 22, late=True),
                 S("Write the 'refund sent' e-mail in the tone of voice", "2026-12-18", "Julia Huisman", 1.5)),
        milestones=(S("Refund flow mapped", "2026-03-13"), S("Status page tested with customers", "2026-05-29"),
                    S("First two status steps live in My Account", "2026-10-02"),
                    S("Refund webhook in test", "2026-11-20", late=True), S("'Refund sent' e-mail live", "2027-01-29"),
                    S("Refund contacts measured", "2027-03-19")),
        risks=(R("Payment provider cannot deliver the webhook before the December freeze", 4, 3,
                 "Fallback: send the e-mail from our daily settlement file, one day later.", "Yvonne Kok"),
               R("IT capacity shared with the agent desktop", 3, 3, "Sprint capacity agreed with the IT lead for Q1.",
                 "Rick Brouwer"))),
    3: PlanSpec(
        "Payment reminders read as a threat: 410 complaints a month about reminders, and 39% of customers paid "
        "later than 7 days.",
        done="Three reminders and two pay-later e-mails rewritten in plain words, with a pay-in-one-click link; "
             "the collection agency's wording removed.",
        sample=1_950),
    4: PlanSpec(
        "Product pages promise 'delivered tomorrow' for items that ship from the central warehouse in three days. "
        "Broken promises drive 'where is my order' contacts and one-star reviews.",
        "Delivery promise kept 94%, for large appliances 86%. 31% of 'where is my order' contacts concern an order "
        "that is not late against the real lead time.",
        "The promise is a fixed text per product group; it ignores stock location, cut-off times and the carrier's "
        "capacity per postcode.",
        "Promise engine built on stock location and cut-off times, running for small items on 10% of traffic. The "
        "carrier's capacity is not connected, so large appliances still show the old text.",
        actions=(S("Analyse 12 months of promised against actual delivery dates", "2025-12-12", "Sophie Verhoeven", 8),
                 S("Build the promise engine on stock location and cut-off times", "2026-04-24", "Lars Prins", 65),
                 S("Connect the carrier capacity API", "2026-07-31", "Lars Prins", 30, late=True),
                 S("A/B test the promise on 25% of traffic", "2026-09-15", "Noor Dekker", 5, late=True)),
        milestones=(S("Lead-time analysis done", "2025-12-12"), S("Promise engine built", "2026-04-24"),
                    S("Carrier capacity API connected", "2026-07-31", late=True),
                    S("A/B test on 25% of traffic", "2026-09-15", late=True)),
        risks=(R("The carrier cannot deliver a capacity API this year", 4, 5,
                 "Fallback: a daily capacity file per postcode area; escalated to the carrier's account director.",
                 "Joost Vermeulen"),
               R("A cautious promise lowers conversion", 2, 4, "A/B test with conversion as the guardrail.",
                 "Noor Dekker"))),
    5: PlanSpec(
        "One in five returns of large appliances is 'does not fit'. Suppliers' product data has wrong or missing "
        "dimensions, and the legally required energy label is missing on 8% of product pages.",
        "Return rate 9.0%; 'does not fit' is 21% of large-appliance returns. Of the top-5,000 products 1,350 lack "
        "packed or niche dimensions and 410 lack a current energy label.",
        "Suppliers deliver dimensions in different formats, nobody owns checking them, and the product information "
        "system accepts empty fields.",
        "2,900 of the top-5,000 products checked and completed; the product information system refuses an empty "
        "dimension field; energy labels complete for every product in scope.",
        actions=(S("Rank the top-5,000 by 'does not fit' returns", "2026-04-10", "Hanneke Bos"),
                 S("Make the dimension fields mandatory in the product information system", "2026-06-26",
                   "Lars Prins", 12),
                 S("Measure and complete 5,000 products with the category teams", "2027-01-29", "Hanneke Bos", 48),
                 S("'Will it fit?' check with niche sizes on product pages", "2027-02-12", "Sophie Verhoeven", 15)),
        milestones=(S("Top-5,000 ranked", "2026-04-10"), S("Mandatory fields live", "2026-06-26"),
                    S("Energy labels complete", "2026-09-30"), S("All 5,000 products checked", "2027-01-29"),
                    S("'Will it fit?' check live", "2027-02-12")),
        risks=(R("Suppliers keep sending incomplete data for new products", 4, 3,
                 "Data requirements in the 2027 supplier agreements; incomplete uploads are refused.",
                 "Hanneke Bos"),)),
    6: PlanSpec(
        "'How do I connect it?' calls peak in the first week after delivery; the paper manuals are long and in "
        "eight languages.",
        "1,900 how-to contacts a month in the first week after delivery, 70% of them about 20 models. Installation "
        "right first time 91%.",
        "The manufacturer writes the manual for every country; the three steps that matter (water hose, transport "
        "bolts, Wi-Fi pairing) are hidden in it.",
        actions=(S("Select the top-20 models from the contact-reason data", "2026-11-20", "Hanneke Bos"),
                 S("Agree filming rights with the five manufacturers", "2026-12-18", "Hanneke Bos"),
                 S("Script and film the first five videos with an installation crew", "2027-02-26", "Ahmet Yilmaz", 18),
                 S("Print QR stickers on the packaging in the warehouse", "2027-03-31", "Iris Schouten", 6)),
        milestones=(S("First five videos live", "2027-02-26"), S("QR stickers on the top-20 packaging", "2027-03-31"),
                    S("All 20 videos live", "2027-05-14")),
        risks=(R("A manufacturer refuses filming of its product", 2, 3,
                 "Start with the two brands that offered their own footage.", "Hanneke Bos"),)),
    7: PlanSpec(
        "'Where is my order' is the largest contact reason, 28% of all contacts; customers wait at home all day "
        "for a large appliance.",
        "About 12,500 'where is my order' contacts a month; the delivery window we give is 'between 8:00 and 18:00'.",
        "The route planner knows the one-hour window the evening before, but we did not share it; on the day, the "
        "customer hears nothing when the crew runs late.",
        "One-hour window sent by app, e-mail and WhatsApp the evening before; a message when the crew is 30 minutes "
        "away or late. All 14 depots live since June.",
        45_000,
        actions=(S("Expose the route planner's window to the notification service", "2026-01-30", "Lars Prins", 35),
                 S("Pilot in the Utrecht and Eindhoven depots", "2026-03-27", "Iris Schouten", 8),
                 S("Roll out to all 14 depots", "2026-06-26", "Joost Vermeulen", 20),
                 S("Write the planners' standard work and hand over to the line", "2026-12-11", "Iris Schouten")),
        milestones=(S("Pilot in two depots", "2026-03-27"), S("All depots live", "2026-06-26"),
                    S("Four months of results", "2026-10-23"), S("Hand-over to Logistics", "2026-12-18")),
        risks=(R("Installation visits still have no time window", 3, 3,
                 "Second stage with Installation Services in 2027.", "Anouk Peters"),)),
    8: PlanSpec(
        "A quarter of the delivery calls come from customers who want another day; an agent needs 7 minutes to "
        "rebook one.",
        "About 2,900 rescheduling calls a month; average handling time 7.2 minutes; 12% of rebooked deliveries "
        "fail again.",
        "Only agents can change a slot, because slot booking sits in the planning system; customers cannot see "
        "which slots are free.",
        actions=(S("Interview 10 customers who rescheduled by phone", "2026-10-09", "Sophie Verhoeven", 3),
                 S("Agree the cut-off with the planners: 18:00 the day before", "2026-10-30", "Iris Schouten"),
                 S("Business case and gate review at the CX board", "2026-12-14", "Noor Dekker"),
                 S("Build the rescheduling flow in web and app", "2027-03-26", "Lars Prins", 60)),
        milestones=(S("Plan approved by the CX board", "2026-12-14"), S("Rescheduling flow in test", "2027-03-26"),
                    S("Live for all deliveries", "2027-05-07")),
        risks=(R("Depends on the delivery-promise engine, which is late", 4, 4,
                 "Start on today's slot table; switch to the engine once it is live.", "Noor Dekker"),)),
    9: PlanSpec(
        "Returning a small item meant printing a label at home; 30% of returners called us first to ask how.",
        "4,100 return calls a month; CES for returns 5.2; 18% of returners have no printer.",
        "The return process was designed around the store and a printed label; without online registration the "
        "customer had to ask.",
        "Returns portal live in web and app since 23 February; QR drop-off at 2,800 parcel points, no label needed.",
        1_240,
        actions=(S("Select the parcel network and agree QR drop-off", "2025-12-19", "Martijn van Leeuwen"),
                 S("Build the portal with return reasons", "2026-02-13", "Lars Prins", 42),
                 S("Train store and service staff", "2026-02-20", "Emma Koster", 3),
                 S("Compare return calls and CES with last year", "2026-11-27", "Lotte de Boer"),
                 S("Proposal: feed return reasons back to the category teams", "2026-12-18", "Martijn van Leeuwen")),
        milestones=(S("Parcel network contracted", "2025-12-19"), S("Portal live", "2026-02-23"),
                    S("Three months of results", "2026-11-27"), S("Act decision", "2026-12-18")),
        risks=(R("Parcel points refuse large parcels in December", 3, 2,
                 "Courier pick-up at home for parcels over 10 kg.", "Martijn van Leeuwen"),)),
    10: PlanSpec(
        "Customers call three times on average while their appliance is being repaired: did it arrive, what does "
        "it cost, when does it come back?",
        "2,300 repair-status contacts a month; 44% repeat contact within 7 days; CES for repairs 4.6.",
        "The repair partner reports status in a weekly spreadsheet; we have no event per step to show the customer.",
        actions=(S("Map the repair journey with the repair partner", "2026-05-29", "Martijn van Leeuwen", 2),
                 S("Agree status events with the repair partner", "2026-09-25", "Martijn van Leeuwen"),
                 S("Re-plan once the partner's new system is live", "2027-04-30", "Martijn van Leeuwen")),
        milestones=(S("Repair journey mapped", "2026-05-29"), S("Status events agreed with the partner", "2026-09-25"),
                    S("Restart decision", "2027-04-30")),
        risks=(R("The repair partner's new system slips beyond Q2 2027", 3, 4,
                 "Quarterly check with the partner; fallback: status e-mails from their current system.",
                 "Martijn van Leeuwen"),)),
    11: PlanSpec(
        "Customers ask for WhatsApp, and the phone is our most expensive channel: €6.10 a call against €2.40 a chat.",
        "4,800 WhatsApp conversations a month; CES for WhatsApp 5.1; hand-over to an agent takes 6 minutes at peak.",
        "The bot was built to deflect: problems that need a person wait in the same queue as new conversations, and "
        "the agent starts without the context.",
        "Order look-up in the bot; hand-over passes the conversation and the order to the agent; a priority queue "
        "for hand-overs since September. Peak staffing is still short.",
        first_done="WhatsApp bot with order status launched for 20% of customers in July 2025.", first_sample=620,
        actions=(S("Redesign the hand-over with 6 agents and 10 customers", "2026-04-24", "Mohamed El Amrani", 8),
                 S("Pass conversation and order to the agent desktop", "2026-08-28", "Lars Prins", 30),
                 S("Priority queue for hand-overs", "2026-09-18", "Kees Hendriks", 2),
                 S("Staff peak hours with 6 cross-trained agents", "2026-12-18", "Kees Hendriks", 14),
                 S("Measure CES and hand-over time for three months", "2027-02-26", "Lotte de Boer")),
        milestones=(S("Bot live for 20% of customers", "2025-07-25"), S("Bot live for all customers", "2025-10-31"),
                    S("Hand-over with context live", "2026-09-18"),
                    S("Hand-over within 2 minutes at peak", "2026-12-18"),
                    S("CES for WhatsApp measured", "2027-03-19")),
        risks=(R("Meta changes WhatsApp Business pricing", 3, 2,
                 "10% budget reserve; cost per conversation reviewed monthly.", "Yvonne Kok"),
               R("Too few cross-trained agents for the December peak", 4, 3,
                 "Temporary agents trained on WhatsApp first; the bot answers order status only.", "Kees Hendriks"))),
    12: PlanSpec(
        "Agents logged 140 free-text contact reasons; nobody could say why customers contact us.",
        "140 reasons in use and 38% of contacts logged as 'other'; no monthly view by department.",
        "The reason list grew with every project and had no owner; agents picked whatever was fastest.",
        "25 reasons on three levels, validated with 40 agents; 'other' capped at 5%; top-10 published to the "
        "management team every month since July 2025.",
        2_000,
        actions=(S("Cluster 5,000 contact notes into reasons", "2024-11-01", "Daan Meijer", 12),
                 S("Validate the list with 40 agents", "2024-12-13", "Emma Koster", 2),
                 S("Configure the list in the contact-centre system", "2025-02-14", "Lars Prins", 9),
                 S("Publish the first monthly top-10", "2025-06-06", "Kees Hendriks")),
        milestones=(S("Reason list agreed", "2024-12-13"), S("List live in the contact-centre system", "2025-02-14"),
                    S("First monthly top-10 published", "2025-06-06")),
        risks=(R("Agents keep choosing 'other'", 3, 3, "Team leads review 'other' weekly; 5% cap.", "Kees Hendriks",
                 "2025-06-27"),)),
    13: PlanSpec(
        "Small compensations needed a supervisor's approval: customers waited up to four days for €15.",
        done="Agents may settle up to €50 on the spot; a guideline with 12 examples; monthly spend report per team.",
        sample=3_100),
    14: PlanSpec(
        "After a failed delivery or installation the only apology is a standard e-mail.",
        done="Kit with cards and a €25 gesture budget for the 14 depot crews and the escalation team since July.",
        sample=380),
    15: PlanSpec(
        "Detractors' comments were read in aggregate; nobody called them back, and they left without a word.",
        "About 1,600 detractors a month in the transactional survey, none called back; 21% of detractors buy again "
        "within a year against 41% of promoters.",
        "No owner and no time for call-backs; survey results reached the teams a month late, when the customer had "
        "moved on.",
        "Team leaders call every detractor within 48 hours from a daily list; causes are logged with the "
        "contact-reason list; 1,150 call-backs so far.",
        1_150, "Agents called detractors back within a week, in between their normal calls.", 410,
        actions=(S("Daily detractor list from the survey tool", "2026-02-27", "Lotte de Boer", 6),
                 S("Train 18 team leaders in call-back conversations", "2026-03-27", "Kees Hendriks", 9),
                 S("Log call-back causes with the contact-reason list", "2026-04-07", "Emma Koster"),
                 S("Analyse six months of call-back results", "2026-11-20", "Lotte de Boer"),
                 S("Decision proposal: call-backs as standard work", "2026-12-18", "Kees Hendriks")),
        milestones=(S("First-cycle results reviewed", "2025-12-15"), S("Team leaders trained", "2026-03-27"),
                    S("Six months of call-backs analysed", "2026-11-20"),
                    S("Act decision at the CX board", "2026-12-14")),
        risks=(R("Team leaders lose call-back time in the December peak", 4, 2,
                 "Call-backs planned as fixed blocks in the roster.", "Kees Hendriks"),)),
    16: PlanSpec(
        "Replacing a damaged washing machine takes 9 days on average, and the customer has to call twice.",
        "About 650 damaged deliveries a month; 9 days to a replacement; transactional NPS of these customers −48.",
        "The crew can only report the damage; the replacement needs a new order from an agent and is planned as a "
        "new delivery.",
        actions=(S("Agree a swap stock of the top-50 models per depot", "2026-12-11", "Joost Vermeulen"),
                 S("Crew app: book a swap on the spot", "2027-03-12", "Lars Prins", 35),
                 S("Pilot in the Utrecht depot", "2027-04-16", "Iris Schouten", 5)),
        milestones=(S("Swap stock in the depots", "2027-01-29"), S("Swap booking in the crew app", "2027-03-12"),
                    S("Pilot in the Utrecht depot", "2027-04-16"), S("All depots", "2027-06-11")),
        risks=(R("Swap stock ties up working capital", 3, 3,
                 "Top-50 models only; stock turns reviewed monthly with Finance.", "Yvonne Kok"),)),
    17: PlanSpec("After a failed installation the customer has to call us to book a new visit; 40% call more than "
                 "once."),
    18: PlanSpec(
        "Last December the phone queue reached 41 minutes and transactional NPS fell to −2.",
        "Forecast for the Black Friday week: 65% more contacts than an average week. Peak wait in 2025: 41 minutes; "
        "23% of callers hung up.",
        "Temporary agents were hired in November and not productive before mid-December; status questions flooded "
        "the lines; two releases broke the checkout during the peak.",
        "45 temporary agents hired and trained; IT release freeze since 16 November; status questions deflected to "
        "app and WhatsApp. Black Friday week: 6 minutes average wait, 38 minutes at Monday's peak.",
        actions=(S("Hire 45 temporary agents", "2026-10-01", "Priya Ramdin", 95),
                 S("Train temporary agents on the top-10 contact reasons", "2026-11-13", "Emma Koster", 22, late=True),
                 S("IT release freeze from 16 November to 4 January", "2026-11-16", "Rick Brouwer"),
                 S("Proactive status message for every Black Friday order", "2026-11-20", "Iris Schouten", 8),
                 S("Daily peak stand-up with Logistics and E-commerce", "2026-12-31", "Kees Hendriks")),
        milestones=(S("Temporary agents hired", "2026-10-01"),
                    S("All temporary agents productive", "2026-11-13", late=True),
                    S("Release freeze in force", "2026-11-16"), S("December peak evaluated", "2027-01-15")),
        risks=(R("December volume above forecast", 3, 5,
                 "Overflow contract for 20 outsourced seats; call-back option in the queue.", "Kees Hendriks"),
               R("Carrier delays in December drive 'where is my order' contacts", 4, 4,
                 "Daily status messages; the WhatsApp bot answers order status.", "Joost Vermeulen"))),
    19: PlanSpec(
        "Customers find a lower price online and ask the store to match it: one in eight store complaints is "
        "about a price difference.",
        "Prices differ between store and web on 9% of the range; 4% of store sales are price-matched by hand; "
        "1,200 price complaints a month.",
        "Store and web prices are set in two systems by two teams; promotions are planned per channel, and the "
        "store system cannot show web-only promotions.",
        actions=(S("Inventory of price differences over one month", "2026-08-28", "Jeroen Willems"),
                 S("12 customer interviews: what does 'one price' mean to you?", "2026-10-16", "Daan Meijer", 9),
                 S("Decision memo on channel-specific offers for the management team", "2026-12-18", "Jeroen Willems"),
                 S("Select one pricing engine for all channels", "2027-02-26", "Rick Brouwer", 25)),
        milestones=(S("Price differences mapped", "2026-08-28"), S("Decision on channel-specific offers", "2026-12-18"),
                    S("Pricing engine selected", "2027-02-26"), S("One price in 5 pilot stores", "2027-06-11")),
        risks=(R("Margin loss when web prices become store prices", 3, 5,
                 "Model the margin effect per category before the decision; phase in by category.", "Ingrid Mulder"),
               R("The store pricing system cannot run shared promotions", 4, 3,
                 "A selection criterion for the new pricing engine.", "Rick Brouwer"))),
    20: PlanSpec(
        "Agents and store staff search four systems to find one customer's orders, contacts and repairs; customers "
        "repeat their story at every contact.",
        "Average handling time 6:40 minutes, of which 1:50 is searching; 19% repeat contact within 7 days; store "
        "staff cannot see web orders.",
        "Customer data lives in four systems with different customer numbers; nothing links a web-shop account to "
        "a loyalty card.",
        "Customer numbers matched on e-mail and loyalty card (87% matched); orders and contacts visible in the pilot "
        "view for 40 agents. The repair-history migration is six weeks late.",
        first_done="Order-history panel added to the telephony screen for all agents.", first_sample=2_400,
        actions=(S("Design the view from the agents' top-15 questions", "2026-04-03", "Fleur Jansen", 10),
                 S("Match customer numbers across web shop, stores and service", "2026-06-26", "Lars Prins", 60),
                 S("Pilot the view with 40 agents", "2026-08-28", "Kees Hendriks", 6),
                 S("Migrate the repair history from the partner's system", "2026-09-25", "Lars Prins", 45, late=True),
                 S("Roll out to all agents and stores", "2026-10-30", "Rick Brouwer", 30, late=True)),
        milestones=(S("Agents' questions mapped", "2026-04-03"), S("Customer matching live", "2026-06-26"),
                    S("Pilot with 40 agents", "2026-08-28"), S("Repair history migrated", "2026-09-25", late=True),
                    S("Live for all agents and stores", "2026-10-30", late=True)),
        risks=(R("The integration partner overruns again", 4, 4,
                 "Fixed price for the remaining scope; weekly burn-down with Finance.", "Rick Brouwer"),
               R("Store staff see more personal data than they need", 2, 4,
                 "DPIA done; fields per role agreed with the privacy officer.", "Sanne de Vries", "2026-05-15"))),
    21: PlanSpec(
        "Stores refuse online returns because they run on 'a different system'; customers are sent home with "
        "their parcel.",
        "About 1,800 customers a month try to return an online purchase in a store and 60% are refused; CES for "
        "returns 5.2.",
        "The till cannot find web orders, refunds can only go back through the web payment provider, and stores "
        "fear the return lowers their own figures.",
        "The till finds web orders by QR code and refunds to the original payment method; the return is booked on "
        "the web channel. Live in 28 of 40 stores.",
        actions=(S("Agree that returns are booked on the web channel", "2026-02-27", "Bas van Dijk"),
                 S("Till integration: find web orders by QR code", "2026-06-05", "Lars Prins", 40),
                 S("Train the staff of 28 stores", "2026-10-30", "Tim van der Linden", 12),
                 S("Roll out to the last 12 stores", "2026-12-18", "Tim van der Linden", 8)),
        milestones=(S("Booking rule agreed with Finance", "2026-02-27"), S("Till integration live", "2026-06-05"),
                    S("28 stores live", "2026-10-30"), S("All 40 stores live", "2026-12-18")),
        risks=(R("Store staff still send customers to the web process", 3, 3,
                 "Mystery shopping in 10 stores a month, fed back to the store managers.", "Bas van Dijk"),)),
    22: PlanSpec(
        "Click & collect takes four hours; competitors promise 30 minutes.",
        "Click & collect is 12% of web orders; average ready time 3 h 50 min; 7% of orders are not ready when the "
        "customer arrives.",
        "Orders are picked in two batches a day from the back office, and the store does not know a customer is "
        "on the way.",
        "Pick alert on the store tablet within 2 minutes of the order; picking from store stock; 30-minute promise "
        "in the checkout for 31 stores.",
        18_500,
        actions=(S("Pick alert on the store tablets", "2026-03-06", "Lars Prins", 15),
                 S("Stock count in 40 stores", "2026-04-24", "Tim van der Linden", 10),
                 S("30-minute promise in the checkout for ready stores", "2026-06-12", "Sophie Verhoeven", 5),
                 S("Coach the 9 stores that miss the 30 minutes", "2026-12-11", "Bas van Dijk", 3)),
        milestones=(S("Pick alert live", "2026-03-15"), S("Store stock accuracy above 97%", "2026-04-24"),
                    S("Promise live in 31 stores", "2026-06-12"),
                    S("Results reviewed with the sponsor", "2026-11-13"))),
    23: PlanSpec(
        "When a product is not in the store, staff send customers home to order online, and many order elsewhere.",
        "About 6,000 'not in stock' moments a month; staff cannot see online stock; lost sales estimated at "
        "€420,000 a month.",
        "Store staff cannot see online stock and cannot order for home delivery from the store.",
        "160 store tablets bought and configured; ordering flow designed with store staff. Paused: order history "
        "needs the single customer view.",
        actions=(S("Buy and configure 160 store tablets", "2026-05-22", "Tim van der Linden", 56),
                 S("Design the store ordering flow with 8 store employees", "2026-07-10", "Sophie Verhoeven", 7),
                 S("Connect to the single customer view", "2026-10-30", "Lars Prins", 25)),
        milestones=(S("Tablets in all stores", "2026-05-22"), S("Ordering flow designed", "2026-07-10"),
                    S("Pilot in 5 stores", "2026-11-27")),
        risks=(R("The single customer view is late", 5, 4, "On hold; restart when the view is live.",
                 "Bas van Dijk"),)),
    24: PlanSpec(
        "Our 52 transactional e-mails were written in five tones: formal, cheerful, legal.",
        done="All 52 templates rewritten in the tone of voice and checked by Legal; a shared template library in "
             "the e-mail platform.",
        sample=2_700),
    25: PlanSpec(
        "An audit found 120 accessibility issues in web and app; the European Accessibility Act applies since "
        "28 June 2025 and the ACM can enforce it.",
        "41 of 120 findings still open, 23 of them in the app checkout; screen-reader users cannot pay in the app.",
        "The app's components were built without accessibility criteria, and accessibility is not part of the "
        "definition of done.",
        "Design system made accessible (buttons, forms, focus states); accessibility in the definition of done; "
        "the web checkout passes. The app checkout is being rebuilt.",
        first_done="The web team fixed findings page by page alongside its regular work.", first_sample=40,
        actions=(S("Accessibility criteria in the definition of done", "2026-01-16", "Noor Dekker"),
                 S("Make the design-system components accessible", "2026-02-27", "Sophie Verhoeven", 45),
                 S("Rebuild the app checkout", "2026-06-12", "Lars Prins", 70, late=True),
                 S("External re-audit", "2026-06-26", "Noor Dekker", 12, late=True)),
        milestones=(S("Audit findings prioritised", "2025-03-14"), S("Design system accessible", "2026-02-27"),
                    S("Web checkout meets WCAG 2.1 AA", "2026-04-30"),
                    S("App checkout meets WCAG 2.1 AA", "2026-06-12", late=True),
                    S("External re-audit passed", "2026-06-26", late=True)),
        risks=(R("Enforcement by the ACM after a complaint", 3, 5,
                 "Publish an accessibility statement with the remediation plan; the checkout goes first.",
                 "Noor Dekker"),
               R("App capacity shared with the agent desktop", 3, 3, "A dedicated app squad from January.",
                 "Rick Brouwer"))),
    26: PlanSpec(
        "Our personas date from 2019 and miss two growing groups: customers over 55 and first-time home buyers.",
        "Customers over 55 bring 31% of revenue but are 12% of the panel; there is no persona for a first home.",
        "The panel was recruited online in 2019 and never refreshed, so older customers are underrepresented.",
        "14 of 40 interviews held; the findings went to the journey-map team when the initiative stopped.",
        actions=(S("Recruit 40 customers in both groups", "2025-11-28", "Julia Huisman", 6),
                 S("Hold 40 interviews", "2026-02-27", "Julia Huisman", 14, late=True),
                 S("Write the personas", "2026-04-17", "Sem de Graaf", 5, late=True)),
        milestones=(S("Recruitment done", "2025-11-28"), S("Interviews done", "2026-02-27", late=True),
                    S("Personas published", "2026-04-17", late=True))),
    27: PlanSpec(
        "Large appliances are 40% of revenue and 55% of complaints; each department knows only its own part of the "
        "journey.",
        "Washing machines: 38 contacts per 100 orders against 24 on average; installation right first time 88%; "
        "CES 5.0.",
        "Nobody owns the journey end to end: the hand-overs between store, web, logistics and installation belong "
        "to no one.",
        "Journey mapped with 24 customers (diaries from purchase to first wash) and 30 front-line staff; five pain "
        "points quantified, each with a proposed owner.",
        24,
        actions=(S("Recruit 24 buyers for a four-week diary study", "2026-03-13", "Fleur Jansen", 9),
                 S("Workshops with 30 front-line staff from five departments", "2026-05-29", "Thijs Bakker", 4),
                 S("Quantify the pain points with contact and survey data", "2026-08-14", "Daan Meijer"),
                 S("Propose an owner and an initiative for each pain point", "2026-12-11", "Thijs Bakker")),
        milestones=(S("Diary study complete", "2026-05-08"), S("Journey map validated with staff", "2026-06-26"),
                    S("Pain points quantified", "2026-08-14"), S("Owners agreed at the CX board", "2026-12-14"))),
    28: PlanSpec(
        "We receive 40,000 review and survey comments a year and nobody reads them all, so departments hear "
        "anecdotes instead of patterns.",
        "About 3,300 comments a month, 8% read by a person; no topic or sentiment per department.",
        "Comments sit in three tools (survey, reviews, app stores) without a shared topic list; reading by hand "
        "does not scale.",
        "Comments from the three sources in one store; topic model trained on the contact-reason list; first weekly "
        "report to three departments. Sarcasm is still misread.",
        actions=(S("Bring survey, review and app-store comments together", "2026-05-29", "Lotte de Boer", 12),
                 S("Train a topic model on the contact-reason list", "2026-08-28", "Daan Meijer", 25),
                 S("Label 2,000 comments by hand to measure accuracy", "2026-10-16", "Lotte de Boer", 6),
                 S("Reach 85% accuracy on the test set", "2026-11-20", "Daan Meijer", 15, late=True),
                 S("Weekly top issues for every department", "2027-01-15", "Daan Meijer")),
        milestones=(S("Comments in one store", "2026-05-29"), S("First model trained", "2026-08-28"),
                    S("85% accuracy on the test set", "2026-11-20", late=True),
                    S("Weekly reports to all departments", "2027-01-15")),
        risks=(R("Accuracy stays below 85% on Dutch sarcasm", 4, 3,
                 "2,000 more hand-labelled comments; show the confidence next to each topic.", "Daan Meijer"),)),
    29: PlanSpec(
        "Some customers got five surveys in a month; response rates fell to 6%, and relationship and transactional "
        "NPS were mixed in one number.",
        "Response rate 6%; 11 survey owners; 14% of customers surveyed more than once in 90 days.",
        "Every department could send its own survey, with no central register and no contact rule.",
        "Central survey register; one survey per customer per 90 days enforced in the survey tool; relationship "
        "and transactional NPS reported separately.",
        58_000,
        actions=(S("Register every survey and its owner", "2026-03-13", "Lotte de Boer"),
                 S("Contact rule in the survey tool", "2026-04-24", "Lars Prins", 8),
                 S("Relationship and transactional NPS apart in every report", "2026-05-29", "Daan Meijer"),
                 S("Compare three months of response rates", "2026-11-13", "Lotte de Boer")),
        milestones=(S("Survey register complete", "2026-03-13"), S("Contact rule enforced", "2026-04-29"),
                    S("Three months of response rates", "2026-11-13"), S("Survey policy adopted", "2026-12-14"))),
    30: PlanSpec(
        "Effort was measured once a year in a panel; teams had no effort score of their own.",
        done="One CES question after every closed phone, chat and WhatsApp contact; a monthly score per team in the "
             "dashboard.",
        sample=1_200),
    31: PlanSpec(
        "The board asks whether a better NPS earns money; survey answers cannot be linked to what customers buy "
        "afterwards.",
        "34% of customers buy again within 12 months; 60% of survey answers are stored without a customer number.",
        "The survey tool and the order data are not linked, and consent to link them was only asked from 2026.",
        actions=(S("Check consent and privacy for linking survey and order data", "2027-01-29", "Yvonne Kok"),
                 S("Link two years of survey answers to purchases", "2027-03-26", "Daan Meijer", 15))),
    32: PlanSpec(
        "Contacts are seen as Customer Service's problem, not as the problem of the department that causes them.",
        "24 contacts per 100 orders; only Customer Service's scorecard shows contacts; 4 of 14 departments know "
        "their top contact reasons.",
        "Contacts are not attributed to the department that causes them, and department scorecards show only their "
        "own output.",
        "Every contact reason mapped to the department that causes it; contacts per 100 orders on 9 of 14 "
        "department scorecards since September.",
        actions=(S("Map each contact reason to the department that causes it", "2026-06-12", "Fleur Jansen"),
                 S("Scorecard tile in the BI tool", "2026-08-28", "Daan Meijer", 7),
                 S("First scorecards reviewed in the management team", "2026-10-05", "Thijs Bakker"),
                 S("Add the last 5 departments", "2026-12-18", "Fleur Jansen", 2)),
        milestones=(S("Reasons mapped to departments", "2026-06-12"), S("Scorecard tile live", "2026-08-28"),
                    S("All 14 departments", "2026-12-18"))),
    33: PlanSpec(
        "Improvement work started everywhere and nobody saw all of it; budgets followed whoever asked loudest.",
        "More than 40 initiatives in 11 lists without a common intake; 30% of spend on initiatives without a KPI.",
        "No forum had the mandate to set priorities across departments, and the monthly meeting had no preparation "
        "or decision proposals.",
        "Quarterly CX board with a prepared pack and decision proposals; an intake form for spontaneous "
        "initiatives; three boards held this year.",
        40, "Monthly CX meeting where every owner presented their status.",
        actions=(S("Board pack template with decision proposals", "2026-01-16", "Thijs Bakker"),
                 S("Intake form and criteria for spontaneous initiatives", "2026-02-10", "Fleur Jansen"),
                 S("Hold the Q1, Q2 and Q3 boards", "2026-09-25", "Thijs Bakker", 6),
                 S("Evaluate the board with its members", "2026-11-20", "Fleur Jansen"),
                 S("Write the board's terms of reference", "2026-12-11", "Thijs Bakker")),
        milestones=(S("Intake process live", "2026-02-10"), S("First quarterly board", "2026-03-16"),
                    S("Board evaluated", "2026-11-20"), S("Terms of reference adopted", "2026-12-14"))),
    34: PlanSpec(
        "Outside Customer Service, contact reasons belonged to nobody.",
        done="The management team named a line owner for each top-20 contact reason; each owner gets the monthly "
             "number.",
        sample=20),
    35: PlanSpec(
        "Two releases broke the checkout in peak weeks last year; customers could not pay for up to three hours.",
        "12 incidents with customer impact in 2025, 4 of them in November and December; the change board discusses "
        "technical risk only.",
        "The change template asks nothing about customer impact or a fallback, and nobody from the business sits "
        "in the change board.",
        actions=(S("Customer impact and fallback in the change template", "2026-12-18", "Rick Brouwer"),
                 S("A CX seat in the weekly change board", "2027-01-15", "Fleur Jansen"),
                 S("Count incidents with customer impact for a quarter", "2027-04-16", "Rick Brouwer")),
        milestones=(S("Template live", "2026-12-18"), S("CX seat in the change board", "2027-01-15"),
                    S("First quarter evaluated", "2027-04-16"))),
    36: PlanSpec(
        "Managers are rewarded on revenue and cost only; customer outcomes do not count.",
        "No part of the management bonus depends on customer KPIs; 9 of 14 departments report no customer KPI.",
        "The bonus scheme predates the CX programme and was never revisited."),
    37: PlanSpec(
        "Agent attrition is 32%; many new hires leave within a year because the job is not what they expected.",
        "45% of leavers leave in their first year; exit interviews say 'the job is harder than presented'.",
        "We hire on availability and experience, not on values; the job ad does not show what the work is like.",
        actions=(S("Define four service values with agents and store staff", "2027-02-26", "Priya Ramdin", 5),
                 S("Realistic job preview video and role play", "2027-05-28", "Priya Ramdin", 18))),
    38: PlanSpec("Head-office staff never hear a customer, so departments underestimate the contacts they cause."),
    39: PlanSpec(
        "Agents switch between seven applications during one call; a new agent needs six weeks before taking calls "
        "alone.",
        "Average handling time 6:40 minutes; seven applications and four log-ins; eNPS customer service +5; "
        "agent attrition 32%.",
        "Each channel and back-office system came with its own screen; nobody designed the agent's work as a whole.",
        "Vendor selected; release 1 (customer search, orders, contact history) built; 12 pilot agents trained; the "
        "repair system added after the pilot, which caused the extra integration work.",
        actions=(S("Observe 30 calls and map the screen switches", "2025-12-12", "Mohamed El Amrani", 3),
                 S("Select the desktop vendor", "2026-03-27", "Rick Brouwer"),
                 S("Build release 1 with the vendor", "2026-10-30", "Lars Prins", 180),
                 S("Acceptance test of release 1 with 12 agents", "2026-11-18", "Mohamed El Amrani", 4, late=True),
                 S("Roll out to all 240 agents", "2027-03-12", "Kees Hendriks", 30)),
        milestones=(S("Screen switches mapped", "2025-12-12"), S("Vendor selected", "2026-03-27"),
                    S("Release 1 built", "2026-10-30"), S("Release 1 accepted by agents", "2026-11-18", late=True),
                    S("All agents on one desktop", "2027-03-12")),
        risks=(R("Integration costs keep rising", 4, 4,
                 "Fixed price for the remaining integrations; scope frozen until release 1 is live.", "Rick Brouwer"),
               R("Agents resist a new tool during the peak", 3, 3, "No roll-out between 15 November and 15 January.",
                 "Kees Hendriks"))),
    40: PlanSpec(
        "Our purpose is on the wall, but nobody can say what it means for a customer.",
        "23% of staff can name a customer promise; MTV 7.3; relationship NPS +28.",
        "The management team wrote the purpose and announced it top-down; teams never translated it into their "
        "own work.",
        "Five customer promises written with 60 staff and 20 customers; 34 of 90 teams held their promise session "
        "and chose their actions.",
        first_done="Purpose presented in four town halls and on the intranet.", first_sample=640,
        actions=(S("Write five customer promises with 60 staff and 20 customers", "2026-09-11", "Fleur Jansen", 25),
                 S("Train 90 team leads to run a promise session", "2026-10-30", "Priya Ramdin", 30),
                 S("Every team holds its session and chooses actions", "2027-03-26", "Marieke van den Berg", 20),
                 S("Pulse: can staff name a promise?", "2027-04-30", "Lotte de Boer")),
        milestones=(S("Five promises published", "2026-09-11"), S("Team leads trained", "2026-10-30"),
                    S("All teams held their session", "2027-03-26"), S("Pulse measurement", "2027-04-30")),
        risks=(R("Promise sessions skipped in the peak season", 3, 2, "No sessions in December; catch up in January.",
                 "Fleur Jansen"),)),
}

# (blocked initiative, blocked by, why): table numbers; acyclic.
DEPENDENCIES = (
    (23, 20, "Store tablets show the customer's online orders from the single customer view."),
    (39, 20, "The desktop's customer panel reads from the single customer view."),
    (8, 4, "Rescheduling may only offer dates the new delivery-promise engine can keep."),
    (16, 8, "The swap is booked through the self-service rescheduling flow."),
    (32, 12, "Scorecards count contacts by the new contact-reason list."),
    (31, 29, "Needs survey answers linked to customer numbers under the new survey rules."),
    (6, 27, "The journey map picks the appliances with the most installation contacts."),
)

# What each person usually does on a team (the team pool of cxgov/demo/portfolio.py: no viewers, admins or leaders).
TEAM_ROLES = {
    "Thijs Bakker": "programme lead", "Fleur Jansen": "CX designer", "Daan Meijer": "analyst",
    "Lotte de Boer": "analyst", "Kees Hendriks": "process owner", "Noor Dekker": "product owner",
    "Bas van Dijk": "store operations lead", "Joost Vermeulen": "process owner", "Anouk Peters": "process owner",
    "Martijn van Leeuwen": "process owner", "Yvonne Kok": "finance partner", "Hanneke Bos": "category lead",
    "Sem de Graaf": "marketing lead", "Rick Brouwer": "IT lead", "Priya Ramdin": "HR business partner",
    "Jeroen Willems": "pricing lead", "Emma Koster": "front-line representative",
    "Mohamed El Amrani": "front-line representative", "Sophie Verhoeven": "UX designer", "Lars Prins": "developer",
    "Iris Schouten": "planner", "Tim van der Linden": "store representative", "Julia Huisman": "copywriter",
    "Ahmet Yilmaz": "installation expert",
}

# For scaled variants, whose own texts are not written out.
GENERIC_DONE = "Countermeasure running in the pilot region; front-line staff trained and the tools changed."
GENERIC_FIRST_DONE = "Countermeasure tried in one region with the front-line team."
GENERIC_SAMPLE = 900
# A closed cycle's own plan, placed at a share of the cycle's time.
CLOSED_CYCLE_ACTIONS = (("Run the countermeasure in the pilot region", 0.35),
                        ("Compare the pilot region with the baseline", 0.8))

PLAN_TABLES = ("plan_action", "milestone", "risk", "initiative_dependency")
TABLE_ORDER = demo.TABLE_ORDER + PLAN_TABLES
# Plan actions point at their cycle: cycles carry a local id, and the loader reads their database ids back by
# this unique key after a bulk insert (faster than one RETURNING per row at 10,000 initiatives).
KEYED_TABLES = {"pdca_cycle": ("initiative_id", "number")}
FOREIGN_KEYS = demo.FOREIGN_KEYS | {
    "pdca_cycle": demo.FOREIGN_KEYS["pdca_cycle"] | {"target_kpi_id": "kpi"},
    "plan_action": {"cycle_id": "pdca_cycle", "owner_id": "person"},
    "milestone": {"initiative_id": "initiative"},
    "risk": {"initiative_id": "initiative", "owner_id": "person"},
    "initiative_dependency": {"initiative_id": "initiative", "blocked_by_id": "initiative"},
}
STARTED_PHASES = frozenset({Phase.DO, Phase.CHECK, Phase.ACT})
NO_PLAN = frozenset({Status.REJECTED})
NO_MILESTONES = frozenset({Status.PROPOSED, Status.REJECTED})


def build_demo(initiatives: int = 40, seed: int = 2026, *, today: date) -> DemoPortfolio:
    """The demo portfolio (cxgov.demo.portfolio.build_portfolio) dated to `today`, with its plan layer; identical for
    identical arguments."""
    portfolio = build_portfolio(initiatives, seed, today=today)
    tables = portfolio.tables
    for name in PLAN_TABLES:
        tables[name] = []
    people = {row["name"]: row["id"] for row in tables["person"]}
    targets = {}  # initiative -> its first KPI link: the A3 target
    for link in tables["initiative_kpi"]:
        targets.setdefault(link["initiative_id"], link)
    last_check_in = {row["initiative_id"]: row["checkin_date"] for row in tables["check_in"]}  # in date order
    cycles = defaultdict(list)
    for local_id, cycle in enumerate(tables["pdca_cycle"], start=1):
        cycle["id"] = local_id
        cycles[cycle["initiative_id"]].append(cycle)
    for index, initiative in enumerate(tables["initiative"]):
        spec = content.INITIATIVES[index % len(content.INITIATIVES)]
        dates = _Dates.of(initiative, spec, last_check_in.get(initiative["id"]), portfolio.today,
                          core=index < len(content.INITIATIVES))
        _add_initiative_plan(portfolio, people, initiative, spec, dates, cycles[initiative["id"]],
                             targets.get(initiative["id"]))
    _add_dependencies(portfolio)
    names = {person_id: name for name, person_id in people.items()}
    for member in tables["initiative_member"]:
        member["role_on_initiative"] = TEAM_ROLES[names[member["person_id"]]]
    add_survey_responses(portfolio)
    return portfolio


@dataclass(frozen=True)
class _Dates:
    """Where an initiative's content dates land, and until when its work ran."""

    spec_start: date
    spec_target: date
    start: date
    target: date
    end: date | None  # the last day work was done; None: nothing gets done
    today: date  # the day the demo is dated to
    core: bool  # a table initiative: its `late` steps stay open

    @classmethod
    def of(cls, initiative: dict, spec: InitiativeSpec, last_check_in: date | None, today: date,
           core: bool) -> _Dates:
        status = initiative["status"]
        if status is Status.COMPLETED:
            end = initiative["target_date"]
        elif status in (Status.ON_HOLD, Status.CANCELLED):
            end = last_check_in or today
        else:
            end = None if status in NO_PLAN else today
        return cls(date.fromisoformat(spec.start), date.fromisoformat(spec.target), initiative["start_date"],
                   initiative["target_date"], end, today, core)

    def place(self, day: str) -> date:
        """A content date moved to the same share of this initiative's start → target."""
        share = (date.fromisoformat(day) - self.spec_start).days / (self.spec_target - self.spec_start).days
        return self.start + timedelta(days=round(share * (self.target - self.start).days))

    def done_on(self, due: date, late: bool = False) -> date | None:
        if self.end is None or due > self.end or (late and self.core):
            return None
        return due


def _add_initiative_plan(portfolio: DemoPortfolio, people: dict[str, int], initiative: dict, spec: InitiativeSpec,
                         dates: _Dates, cycles: list[dict], target: dict | None) -> None:
    plan, project = PLANS[spec.no], initiative["lane"] is Lane.PROJECT
    for cycle in cycles:
        _fill_a3(cycle, plan, project, dates.core, target)
    if initiative["status"] in NO_PLAN:
        return
    for cycle in cycles[:-1]:
        begin, closed = cycle["plan_started_on"], cycle["closed_on"]
        for text, share in CLOSED_CYCLE_ACTIONS:
            due = begin + timedelta(days=round((closed - begin).days * share))
            portfolio.add("plan_action", _action(cycle, text, initiative["owner_id"], due, None, due))
    for step in plan.actions:
        due = dates.place(step.due)
        portfolio.add("plan_action", _action(cycles[-1], step.text, people[step.owner], due,
                                             round(step.cost_k * 100_000) or None, dates.done_on(due, step.late)))
    if initiative["status"] not in NO_MILESTONES:
        for step in plan.milestones:
            due = dates.place(step.due)
            portfolio.add("milestone", {"initiative_id": initiative["id"], "title": step.text, "due_on": due,
                                        "done_on": dates.done_on(due, step.late), "version": 1,
                                        "created_at": initiative["created_at"]})
    finished = initiative["status"] in (Status.COMPLETED, Status.CANCELLED)
    for risk in plan.risks:
        closed = dates.place(risk.closed) if risk.closed else (dates.end if finished else None)
        portfolio.add("risk", {
            "initiative_id": initiative["id"], "title": risk.title, "probability": risk.probability,
            "impact": risk.impact, "mitigation": risk.mitigation, "owner_id": people[risk.owner],
            "closed_on": closed if closed and closed <= dates.today else None, "version": 1,
            "created_at": initiative["created_at"]})


def _fill_a3(cycle: dict, plan: PlanSpec, project: bool, core: bool, target: dict | None) -> None:
    """Write the cycle's A3 boxes that fit its phase; a quick fix gets problem, change and result only."""
    closed = cycle["closed_on"] is not None
    if closed:
        done = plan.first_done if core and plan.first_done else GENERIC_FIRST_DONE
        sample = plan.first_sample if core else None
    else:
        done = (plan.done if core or plan.done else GENERIC_DONE) if cycle["phase"] in STARTED_PHASES else ""
        sample = (plan.sample if core else GENERIC_SAMPLE) if cycle["check_result"] else None
    with_target = project and target is not None
    cycle.update({
        "background": plan.background, "current_condition": plan.current if project else "",
        "root_cause": plan.root_cause if project else "", "done_summary": done, "check_sample_size": sample,
        "target_kpi_id": target["kpi_id"] if with_target else None,
        "baseline_value": target["baseline"] if with_target else None,
        "target_value": target["target"] if with_target else None,
        "target_date": (cycle["closed_on"] or target["target_date"]) if with_target else None})


def _action(cycle: dict, text: str, owner_id: int, due: date, cost_cents: int | None, done_on: date | None) -> dict:
    return {"cycle_id": cycle["id"], "description": text, "owner_id": owner_id, "due_on": due,
            "cost_cents": cost_cents, "done_on": done_on, "version": 1, "created_at": cycle["created_at"]}


def _add_dependencies(portfolio: DemoPortfolio) -> None:
    """The table's dependencies among the initiatives that were built (local id = table number)."""
    initiatives = portfolio.tables["initiative"]
    for blocked, blocker, note in DEPENDENCIES:
        if max(blocked, blocker) <= len(initiatives):
            created = max(initiatives[blocked - 1]["created_at"], initiatives[blocker - 1]["created_at"])
            portfolio.add("initiative_dependency", {"initiative_id": blocked, "blocked_by_id": blocker,
                                                    "note": note, "created_at": created})
