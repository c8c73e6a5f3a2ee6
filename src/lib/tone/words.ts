/**
 * The word lists of the blameless-language check, apart from the matcher so they can
 * be read, argued with and extended in one place. Lower case; multi-word entries are
 * matched word by word. Whole words only (a list never matches inside "fault-injection").
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));
const phrases = (...list: string[]): ReadonlyArray<readonly string[]> => list.map((p) => p.split(' '));

/** Capitalised words that are not people: sentence openers, calendar words, common nouns of incident writing. */
export const NOT_NAMES = words(`
	a an the we our us they their it its this that these those there here he she his her i you your my me him them who whom whose
	nobody somebody someone whoever everyone everybody anyone anybody no none one each every all both either neither some any many most few
	after before during when while because since although though however then also but and or nor so if once until as at in on by for of to
	with without within into onto from over under about against between through per via than like unlike despite given across around
	again later finally meanwhile eventually afterwards overall still yet just only even instead rather thus hence therefore so
	first second third next last previous earlier today yesterday tonight tomorrow now soon never always often sometimes usually root cause
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
	q1 q2 q3 q4 sev1 sev2 sev3 sev4 api dns cdn tls ssl db sql eu us uk emea apac utc bst cet pst est
	lesson lessons summary impact timeline owner action item items note notes update status thanks thank credit special huge big
	team teams engineer engineers engineering operator operators responder responders customer customers user users people person
	staging production prod checkout search payments payment billing login sign signin auth orders order cart inventory pricing
	alerts alert monitoring dashboards dashboard traffic requests errors latency deploys deploy deployment deployments release releases
	migration migrations backup backups database databases cache caches queue queues replica replicas primary secondary cluster clusters
	runbook runbooks pipeline pipelines config configuration change changes incident incidents outage outages service services
	manual manually automation automated onboarding handover handovers code review reviews approvals approval alerting paging
	nothing everything something anything put classic huge special everyone's nobody's anyone's someone's new old only without
	latency throughput capacity load disk disks memory storage cpu network networks login logins signup traffic dns error rate rates
	retries retry timeouts timeout lag replication failover rollback rollbacks restore restores recovery detection mitigation response
	customers' users' email emails mail notifications notification webhooks webhook jobs job cron scheduler worker workers batch
	exports export imports import reports report analytics metrics logs logging tracing health capacity quota quotas limits limit
	certificate certificates cert certs keys key secrets secret tokens token sessions session cookies cookie flags flag feature features
	vendor vendors provider providers partner partners support sales finance legal security compliance management leadership
	nobody everybody anybody somebody several multiple two three four five six seven eight nine ten half most
	yes no ok okay per mr ms mrs dr had has have was were is are did do does would could should will can may might must been being get got
`);

/** Tools and systems with names that read like people's, and other products a postmortem names. */
export const SYSTEMS = words(`
	jenkins cassandra argo argocd travis circleci circle buildkite bamboo drone teamcity spinnaker flux tekton harness octopus
	kafka redis postgres postgresql mysql mariadb mongo mongodb aurora dynamo dynamodb spanner bigtable bigquery redshift snowflake
	elasticsearch opensearch solr kibana logstash fluentd fluentbit vector loki tempo thanos cortex mimir grafana prometheus alertmanager
	terraform pulumi ansible puppet chef salt saltstack helm kustomize kubernetes k8s docker podman nomad consul vault etcd zookeeper patroni
	vitess citus pgbouncer haproxy nginx envoy istio linkerd traefik caddy apache tomcat jetty varnish squid memcached rabbitmq celery sidekiq
	resque airflow dagster prefect luigi spark flink storm hadoop hive presto trino druid pinot clickhouse cockroach cockroachdb
	pagerduty opsgenie victorops statuspage slack teams zoom jira confluence github gitlab bitbucket gerrit dependabot renovate snyk sonar
	sentry datadog splunk newrelic honeycomb lightstep jaeger zipkin bugsnag rollbar pingdom cloudwatch stackdriver
	aws gcp azure amazon google microsoft cloudflare fastly akamai stripe twilio sendgrid mailgun okta auth0 heroku vercel netlify
	lambda ec2 s3 rds ebs elb alb nlb route53 cloudfront iam kms sqs sns kinesis ecs eks gke aks
	hubot jarvis alexa siri copilot claude chatgpt linux windows macos ubuntu debian centos rhel android ios chrome firefox safari
	java python ruby rails django node nodejs go golang rust php perl scala kotlin swift typescript javascript react vue angular
	facebook meta steam valve etsy netflix twitter spotify shopify dropbox atlassian apple samsung intel oracle ibm cisco juniper
	excel sheets salesforce zendesk intercom hubspot marketo segment mixpanel amplitude looker tableau metabase superset
`);

/** Common first names across many languages: a capitalised word here is a person unless the sentence says otherwise. */
export const FIRST_NAMES = words(`
	aaron abby abdul abigail adam adrian ahmed aisha alan albert alex alexa alexander alexis ali alice alicia alison amanda amara amir amit amy
	ana andrea andreas andrew andy angela anjali ankit anna anne anton antonio arjun arthur asha ashley ayesha ben benjamin beth bianca bilal bjorn
	björn blake bob brandon brian bruno caleb camila carl carla carlos carmen caroline catherine charlie charlotte chen chloe chloé chris christian
	christine claire clara colin connor daniel daniela dana david deepak deborah denis diana diego dmitri dominic dong dylan elena eli elias elif
	elizabeth ella emily emil emilia emma eric erik ethan eva evan fatima felix fernando finn fiona francesca francis francisco frank gabriel
	gary george grace greg hannah hans hao harry hassan heather helen henry hiroshi hugo ian igor ines ingrid irene isaac isabel ivan jack jacob
	james jamie jan jane jason javier jay jen jennifer jessica jin joan joe john jonas jonathan jordan jorge jose josé joseph josh julia julian
	julie jun justin kai karen karim kate katie kavya ken kenji kevin kim kofi kwame kyle lars laura lauren leah lee leila leo leon li liam lily
	lina linda lisa liu lucas lucia luis luke maria marco marcus maria mark marta martin mary matt matteo matthew max maya mei mehmet mia michael
	michelle miguel mike min mohamed mohammed nadia naomi natalia nathan neil nick nicole nikolai nina noah nora olga oliver olivia omar oscar
	pablo patrick paul pedro peter pierre priya rachel rahul raj ravi rebecca ricardo richard rita rob robert rosa ryan sam samir samuel sara
	sarah sean sebastian sergei shreya simon sofia sophia sophie stefan stephen steve susan takeshi tanya tariq thomas tim tom tomas tony
	tyler victor victoria vikram vincent wei william xin yan yara yuki yusuf zara zoe zoë
`);

/** Titles that make the next capitalised word a person. */
export const TITLES = words('mr mrs ms miss dr prof mx');

/** Nouns that, singular and with "the", "a", "an", "our" or "one of our", stand for one person. */
export const ROLE_NOUNS = words(`
	engineer developer dev programmer coder sre operator admin administrator sysadmin dba hire intern contractor consultant analyst
	technician reviewer approver deployer responder on-call oncall on-caller person individual employee staffer colleague teammate
	commander captain manager lead architect tester agent starter newcomer
`);

/** Words between the article and the role noun ("the new hire", "the night-shift operator"). */
export const ROLE_MODIFIERS = words(`
	new junior senior on-call oncall primary secondary responding deploying reviewing approving night-shift weekend duty
	incident release support database network platform backend frontend infrastructure security devops most least inexperienced
	former temporary contract external outsourced offshore trainee graduate first-week same other one single lone
	sleepy tired exhausted overworked distracted careless sloppy inexperienced busy stressed experienced overwhelmed
`);

/** Role nouns that only stand for a person in one of these phrases; "the primary region" is a thing. */
export const ROLE_BARE = words('primary secondary on-call oncall');

/** Human-error framing, attached to no one in particular. */
export const HUMAN_ERROR = phrases(
	'human error', 'human errors', 'human mistake', 'human mistakes', 'operator error', 'operator errors', 'pilot error', 'user error',
	'carelessness', 'careless', 'negligence', 'negligent', 'sloppiness', 'sloppy', 'inattention', 'inattentive', 'laziness',
	'incompetence', 'incompetent', 'recklessness', 'reckless', 'lapse in judgement', 'lapse in judgment', 'lapse of judgement', 'lapse of judgment',
	'lapse in concentration', 'lapse of attention', 'lack of attention', 'lack of care', 'not paying attention', "wasn't paying attention",
	"weren't paying attention", 'people problem', 'people issue', 'human problem', 'human issue', 'a training issue', 'fat-finger', 'fat-fingered', 'fat finger', 'fat fingered', 'pebkac', 'id10t', 'layer 8', 'rookie mistake',
	'silly mistake', 'stupid mistake', 'dumb mistake', 'honest mistake', 'simple mistake', 'careless mistake', 'should have known better',
	'be more careful', 'take more care', 'pay more attention', 'be more vigilant', 'more careful', 'made a mistake', 'made an error',
);

/** Words that make a sentence about heroics. */
export const HERO = phrases(
	'hero', 'heroes', 'heroic', 'heroics', 'heroically', 'heroine', 'superhero', 'single-handedly', 'singlehandedly', 'single handedly',
	'saved the day', 'saved us', 'saved the launch', 'saved the release', 'saved the weekend', 'saved the company', 'to the rescue',
	'rock star', 'rockstar', 'superstar', 'above and beyond', 'quick thinking', 'quick-thinking', 'tireless', 'tirelessly',
	'day was saved', 'rescued us', 'came through for us',
);

/** Words that make a sentence about a villain. */
export const VILLAIN = phrases(
	'culprit', 'culprits', 'villain', 'villains', 'bad guy', 'bad guys', 'guilty party', 'offender', 'repeat offender', 'to blame',
	'strikes again', 'did it again', 'again', 'once again', 'once more', 'yet again', 'as usual', 'as always',
);

/** Verbs that put the person in the wrong whatever the object (any tense we see in reports). */
export const WRONG_VERBS = words(`
	forgot forget forgets forgetting ignored ignore ignores ignoring missed misses overlooked overlook overlooks neglected neglect
	skipped skip skips botched bungled broke breaks break messed screwed fat-fingered mistyped misread misconfigured misconfigures
	miscalculated misjudged misunderstood mishandled misused misapplied misnamed mislabelled mislabeled corrupted wiped clobbered
	nuked trashed leaked bypassed circumvented dismissed silenced muted snoozed rushed sabotaged caused causes botches
	truncated overwrote destroyed dropped deleted removed erased purged killed crashed hard-coded hardcoded rubber-stamped
	disregarded defied violated overrode overrides
`);

/** Multi-word versions of the above. */
export const WRONG_PHRASES = phrases(
	'messed up', 'screwed up', 'took down', 'take down', 'takes down', 'brought down', 'knocked over', 'knocked out', 'blew away', 'blew up',
	'went back to sleep', 'fell asleep', 'cut corners', 'did not tell', "didn't tell",
	'made the outage worse', 'made things worse', 'made it worse', 'was asleep', 'was distracted', 'was slow', 'were slow', 'was late',
	'was too slow', 'took too long', 'at fault',
	'is to blame', 'was to blame', 'should know better', 'needs to read', 'need to read', 'must read', 'needs to learn', 'must learn',
	'needs to be more careful', 'must double-check', 'needs to double-check', 'should double-check', 'double-check her work',
	'double-check his work', 'double-check their work', 'has caused', 'have caused', 'had caused', 'traces back to', 'comes down to',
	'came down to', 'was supposed to', 'were supposed to', 'is the reason', 'was the reason', 'cannot be trusted', "can't be trusted",
	'should not be trusted', 'should not be allowed', 'assumed', 'did not bother', "didn't bother", 'never bothered', 'did not realise',
	"didn't realise", 'did not realize', "didn't realize", 'failed to realise', 'failed to realize', 'should ask before',
	'should check before', 'must ask before', 'must check before', 'needs to ask', 'need to ask', 'should always', 'must always',
	'should never', 'must never', 'made a typo', 'made an error', 'made a blunder', 'made the mistake', 'made an oversight',
	'introduced a typo', 'introduced a bug', 'introduced the bug', 'introduced a regression', 'introduced the regression',
	'needs to stop', 'need to stop', 'must stop', 'should stop', 'needs to remember', 'must remember', 'should remember',
	'needs to slow down', 'must slow down', 'should slow down', 'needs to pay attention', 'must pay attention',
	'approved his own', 'approved her own', 'approved their own', 'merged his own', 'merged her own', 'merged their own',
);

/** Verbs that remedy, observe or coordinate: naming who did them is the timeline, not blame. */
export const REMEDY_VERBS = words(`
	rolled reverted restored fixed mitigated resolved recovered restarted rebooted noticed spotted found identified diagnosed traced
	discovered detected paged escalated declared acknowledged acked joined opened closed investigated confirmed reported flagged raised
	announced posted documented drained failed scaled paused throttled blocked patched hotfixed led coordinated communicated
	handed took asked suggested proposed wrote reviewed paired helped answered called notified informed updated verified checked
	tested promoted cleared repaired replaced rebuilt recreated stopped limited contained isolated compared read looked
	noted said says explained pointed observed realised realized suspected argued mentioned described summarised summarized
	shared presented estimated measured calculated
`);

/** Verbs after "failed to" / "could not" that describe an attempt, not a duty: "failed to reproduce the bug" is no fault. */
export const ATTEMPT_VERBS = words(`
	reproduce find locate reach connect get obtain identify isolate pin trace replicate trigger explain determine understand recover
	restore access load open contact
`);

/** Words after "should have" / "could have" that make it possession or a plan, not a counterfactual ("should have the runbook ready"). */
export const NOT_PARTICIPLE = words(`
	the a an this that these those its his her their our my your some any no enough more fewer less one two three four five
	access time budget alerts alert owners an tests docs coverage checks
`);

/** Past participles that are not regular "-ed" forms. */
export const IRREGULAR_PARTICIPLES = words(`
	known run seen done caught read written taken given gone told thought spoken kept left held made put set sent built spent found got
	gotten understood been begun broken chosen drawn driven eaten fallen forgotten frozen hidden let lost meant met paid quit ridden rung
	shut sung sat slept stood stuck struck swept swum thrown woken worn won withdrawn
`);

/** Markers in a person's own clause that make an ordinary action go wrong. */
export const WRONG_MARKERS = phrases(
	'without', 'wrong', 'incorrect', 'incorrectly', 'bad', 'broken', 'faulty', 'buggy', 'untested', 'unreviewed', 'unapproved', 'unvetted',
	'by mistake', 'by accident', 'accidentally', 'mistakenly', 'inadvertently', 'carelessly', 'recklessly', 'hastily', 'blindly', 'despite',
	'against the', 'instead of', 'at once', 'all at once', 'on a friday', 'during peak', 'peak hours', 'peak traffic', 'still red',
	'straight to production', 'directly to production', 'directly in production', 'straight into production', 'stale', 'default password',
	'too early', 'too soon', 'prematurely', 'in the middle of', 'which broke', 'that broke', 'which caused', 'that caused', 'which took',
	'that took', 'that locked', 'which locked', 'that dropped', 'which dropped', 'that deleted', 'which deleted', 'so the', 'went unnoticed',
	'data loss', 'worse', 'thinking he was', 'thinking she was', 'thought he was', 'thought she was',
	'on his own', 'on her own', 'live customer', 'against production', 'against prod', 'against the production', 'every server',
	'all servers', 'every host', 'all hosts', 'public repository', 'public repo', 'in plain text', 'in plaintext', 'credentials to',
	'secrets to', 'anyway', 'regardless', 'even though', 'ignoring the', 'every key', 'all keys', 'all tenants', 'every tenant',
);

/** Words that, with a person as the object of "disabled" or "turned off", make the thing a safeguard. */
export const SAFEGUARDS = words(`
	alert alerts alarm alarms check checks health-check lint linter test tests validation validations limiter limit limits rate
	guard guards safeguard safeguards protection backup backups replication monitor monitoring firewall auth authentication
	canary canaries freeze review approval approvals confirmation safety protections interlock
`);

/** Nouns a person's possessive can own that are a change to the system ("Marco's change broke…"). */
export const CHANGE_NOUNS = words(`
	change changes commit commits deploy deployment push pr pull merge migration script scripts query queries config configuration
	hotfix patch code job cron rollout release update upgrade edit command flag branch decision ticket terraform playbook
`);

/** Nouns that are a mistake by themselves ("Kim's oversight"). */
export const FAULT_NOUNS = words(`
	mistake mistakes error errors oversight typo typos slip blunder fault negligence carelessness sloppiness screw-up screwup
	mess-up bug bugs misconfiguration failure inexperience lack inattention incompetence misjudgment misjudgement assumption
	ignorance haste recklessness
`);

/** Words that follow a person to say something went wrong by what they set in motion. */
export const OUTCOME_VERBS = words(`
	broke caused introduced corrupted locked truncated dropped deleted wiped took knocked crashed overloaded exhausted filled
	triggered started blocked deadlocked destroyed removed leaked exposed disabled failed made sent brought left
`);

/** Words that end a clause when looking for what a person did. */
export const CLAUSE_BREAKS = words('; : — – ( ) because since although though whereas but so therefore however');

/** Negations that undo blame placed next to them ("not anyone's fault", "nobody forgot"). */
export const NEGATORS = words(`not no never nobody none nothing neither nor without n't isn't wasn't weren't aren't don't didn't doesn't cannot`);

/** Words before a framing phrase that make it meta-discussion rather than the verdict ("rather than calling this human error"). */
export const META_BEFORE = phrases(
	'not', 'no', 'never', 'rather than', 'instead of', 'than', 'beyond', 'calling this', 'calling it', 'call it', 'call this', 'label',
	'labelling', 'labeling', 'treating this as', 'treating it as', 'treat it as', 'treat this as', 'blamed on', 'attributed to', 'without',
	"isn't", "wasn't", 'nor', 'avoid', 'stop',
);

/** Pronouns and phrases that are a person nobody names. */
export const INDEFINITE_PEOPLE = phrases('someone', 'somebody', 'a person', 'an individual', 'a human', 'whoever', 'one person', 'a user');

/** Words before a person that make them the cause ("because of Dana", "due to @li"). */
export const CAUSE_BEFORE = phrases('because of', 'due to', 'owing to', 'caused by', 'the fault of', 'blame', 'blamed', 'traced to', 'traced back to', 'traces back to', 'traces to', 'trace back to', 'comes down to', 'came down to', 'down to', 'is on', 'was on', 'lies with', 'rests with', 'falls on', 'fell on', 'culprit was', 'culprit is', 'villain is', 'villain was', 'villain here is', 'root cause was', 'root cause is', 'cause was', 'is on', 'was on');

/** Of the wrong verbs, those only people do: enough to make any capitalised word a person. */
export const HUMAN_ONLY_VERBS = words(`
	forgot forget forgets ignored ignore overlooked overlook neglected misread mistyped fat-fingered rushed dismissed silenced snoozed
	bypassed botched bungled messed screwed misjudged misunderstood disregarded approved merged pushed
`);

/** Verbs after "failed to" / "did not" that are a person's duty ("failed to escalate"). */
export const DUTY_VERBS = words(`
	notice check double-check review test read follow escalate update verify ask tell notify monitor confirm wait renew document
	communicate page inform warn acknowledge respond look catch run consult mention remember drain validate
`);

/** Verbs that destroy: wrong unless the thing destroyed was itself stale or broken. */
export const DESTRUCTIVE_VERBS = words('truncated overwrote destroyed dropped deleted removed erased purged killed wiped');

/** Adjectives that make destroying a thing housekeeping ("deleted the stale branches"). */
export const BENIGN_TARGETS = words('stale old unused duplicate duplicated orphaned leftover temporary test bad broken faulty extra expired obsolete dead');

/** Markers that make even a remedy go wrong ("restarted the wrong cluster"). */
export const STRONG_MARKERS = phrases('wrong', 'incorrect', 'incorrectly', 'instead of', 'by mistake', 'by accident', 'accidentally', 'mistakenly', 'inadvertently', 'carelessly');

/** Outcomes that make "the loss is on X" or "X is responsible for …" blame rather than ownership. */
export const BAD_OUTCOMES = words(`
	outage outages incident incidents failure failures loss downtime breakage error errors mistake mistakes fault blame broke broken
	down corrupted lost deleted twice this it regression bug
`);

/** Commitments: what follows a person here is a plan, not a mistake ("Dana will add…", "@dana to add…"). */
export const COMMITMENTS = words("will 'll owns own to is_drafting plans intends");

/** Auxiliaries and adverbs skipped before a person's verb. */
export const LEADING_FILLERS = words('then also just simply later again immediately still quickly had has have already once even');
