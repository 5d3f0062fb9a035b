#include "CheckEndpointDialog.h"

#include "EndpointLibrary.h"

#include "auth/TokenProvider.h"
#include "conformance/CaseGenerator.h"
#include "conformance/ConformanceRunner.h"
#include "delivery/DeliveryEngine.h"
#include "secrets/SecretStore.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

void prepareCases(EndpointProfile profile,
                  const Event& event,
                  const Conformance::Options& options,
                  SecretStore* store,
                  DeliveryEngine* engine,
                  QObject* context,
                  std::function<void(Result<PreparedCases>)> done)
{
    if (profile.auth.type == AuthType::OAuth2AuthorizationCode) {
        done(Error(QObject::tr("an authorization-code endpoint needs a browser sign-in; check it with a bearer "
                               "profile holding a token")));
        return;
    }
    for (const auto& field : EndpointLibrary::secretFields(profile)) {
        if (!field.second->isEmpty() && !EndpointLibrary::isReference(*field.second)) {
            *field.second = QStringLiteral("literal:") + *field.second;
        }
    }
    auto* resolver = new SecretResolver(store, context);
    QPointer<DeliveryEngine> guardedEngine = engine;
    resolver->resolve(
        profile.secretRefs(),
        profile.baseDir,
        [resolver, profile, event, options, guardedEngine, context, done = std::move(done)](
            Result<SecretValues> secrets) mutable {
            resolver->deleteLater();
            if (!secrets) {
                done(secrets.error());
                return;
            }
            auto generate = [profile, event, options, done, values = secrets.value()](const QByteArray& token) {
                auto cases = Conformance::generateCases(
                    profile, values, event, options, QDateTime::currentSecsSinceEpoch(), token);
                if (!cases) {
                    done(cases.error());
                    return;
                }
                done(PreparedCases {profile, values, std::move(cases).value()});
            };
            if (profile.auth.type != AuthType::OAuth2ClientCredentials) {
                generate({});
                return;
            }
            auto request = TokenRequest::fromProfile(profile, secrets.value());
            if (!request || !guardedEngine) {
                done(request ? Error(QObject::tr("no delivery engine")) : request.error());
                return;
            }
            // One fresh token for every case (a cached one may come from a token server that has
            // restarted since), fetched like a send fetches it.
            auto* provider = new TokenProvider(guardedEngine->network(), context);
            provider->token(request.value(), context, [provider, generate, done](const TokenOutcome& outcome) {
                provider->deleteLater();
                if (!outcome.ok()) {
                    done(Error(QObject::tr("the token request was refused: %1").arg(outcome.error.message)));
                    return;
                }
                generate(outcome.token->value);
            });
        });
}

CheckEndpointDialog::CheckEndpointDialog(const EndpointProfile& profile,
                                         const Event& event,
                                         SecretStore* store,
                                         DeliveryEngine* engine,
                                         QWidget* parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_event(event)
    , m_store(store)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("checkEndpointDialog"));
    setWindowTitle(tr("Check endpoint — %1").arg(profile.name));
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(tr("Does %1 %2 refuse tampered, replayed and unsigned webhooks?")
                               .arg(profile.method, profile.url.toString().toHtmlEscaped()),
                           this);
    m_heading->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("checkProgressBar"));
    m_progress->setFormat(tr("%v of %m cases"));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("checkResultsTableWidget"));
    m_table->setHorizontalHeaderLabels({tr("Case"), tr("Expectation"), tr("Answer"), tr("Verdict"), tr("Risk")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(RiskColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(CaseColumn, 190);
    m_table->setColumnWidth(ExpectationColumn, 120);
    m_table->setColumnWidth(AnswerColumn, 140);
    m_table->setColumnWidth(VerdictColumn, 90);
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("checkLegendLabel"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    // One entry per level, each kept on one line so the legend wraps only between entries.
    const auto badge = [](Conformance::Verdict verdict, const QString& meaning) {
        return QStringLiteral("<span style=\"white-space:nowrap\"><span style=\"background-color:%1; color:white;"
                              " font-weight:bold\">&nbsp;%2&nbsp;</span>&nbsp;%3</span>")
            .arg(verdictColor(verdict).name(), verdictText(verdict).toHtmlEscaped(), meaning.toHtmlEscaped());
    };
    m_legend->setText(QStringList {
        badge(Conformance::Verdict::Ok, tr("the answer a correct endpoint gives")),
        badge(Conformance::Verdict::Warn, tr("a hardening gap, often a library's default; not a forgery")),
        badge(Conformance::Verdict::Unverified, tr("looks right, but cannot be judged from outside: confirm it")),
        badge(Conformance::Verdict::Fail, tr("accepted what an attacker could forge or replay")),
        badge(Conformance::Verdict::Unclear, tr("the answer says nothing about the request")),
    }
                          .join(QStringLiteral("&nbsp;&nbsp; ")));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("checkSummaryLabel"));
    m_summary->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_again = buttons->addButton(tr("Run again"), QDialogButtonBox::ActionRole);
    m_again->setObjectName(QStringLiteral("checkAgainButton"));
    connect(m_again, &QPushButton::clicked, this, [this] { start(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_heading);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(980, 620);
}

CheckEndpointDialog::~CheckEndpointDialog() = default;

bool CheckEndpointDialog::isRunning() const
{
    return !m_finished && m_runner;
}

QString CheckEndpointDialog::summary() const
{
    return m_summary->text();
}

QString CheckEndpointDialog::verdictText(Conformance::Verdict verdict)
{
    switch (verdict) {
        case Conformance::Verdict::Ok:
            return tr("ok");
        case Conformance::Verdict::Warn:
            return tr("warn");
        case Conformance::Verdict::Unverified:
            return tr("unverified");
        case Conformance::Verdict::Fail:
            return tr("fail");
        case Conformance::Verdict::Unclear:
            return tr("unclear");
    }
    return {};
}

QColor CheckEndpointDialog::verdictColor(Conformance::Verdict verdict)
{
    // White text on each; distinct in hue for colour-blind readers too (green, amber, blue, red, grey),
    // and the word is always there.
    switch (verdict) {
        case Conformance::Verdict::Ok:
            return {0x2e, 0x7d, 0x32};
        case Conformance::Verdict::Warn:
            return {0xb2, 0x6a, 0x00};
        case Conformance::Verdict::Unverified:
            return {0x15, 0x65, 0xc0};
        case Conformance::Verdict::Fail:
            return {0xc6, 0x28, 0x28};
        case Conformance::Verdict::Unclear:
            return {0x61, 0x61, 0x61};
    }
    return {};
}

void CheckEndpointDialog::fail(const QString& message)
{
    m_summary->setText(tr("Not checked: %1").arg(message));
    m_finished = true;
    m_passed = false;
    m_again->setEnabled(true);
    emit finished(false);
}

void CheckEndpointDialog::start()
{
    m_finished = false;
    m_passed = false;
    m_again->setEnabled(false);
    m_table->setRowCount(0);
    m_summary->setText(tr("Preparing the cases…"));
    m_progress->setRange(0, 0);
    if (m_runner) {
        m_runner->deleteLater();
        m_runner = nullptr;
    }
    prepareCases(
        m_profile, m_event, Conformance::Options {}, m_store, m_engine, this, [this](Result<PreparedCases> prepared) {
            if (!prepared) {
                fail(prepared.error().toString());
                return;
            }
            m_cases = prepared.value().cases;
            m_progress->setRange(0, int(m_cases.size()));
            m_progress->setValue(0);
            m_summary->setText(tr("Sending %n case(s)…", nullptr, int(m_cases.size())));
            m_runner = new Conformance::Runner(m_engine ? m_engine->network() : nullptr, this);
            connect(m_runner,
                    &Conformance::Runner::caseFinished,
                    this,
                    [this](int index, const Conformance::CaseResult& result) { addResult(index, result); });
            connect(m_runner, &Conformance::Runner::finished, this, [this](bool passed) { showSummary(passed); });
            m_runner->start(prepared.value().profile, prepared.value().secrets, m_cases, Conformance::Options {});
        });
}

void CheckEndpointDialog::showSummary(bool passed)
{
    const Conformance::Summary summary = Conformance::summarize(m_runner->results());
    QStringList counts;
    for (int i = 0; i < Conformance::VerdictCount; ++i) {
        if (summary.counts[i] > 0) {
            counts << tr("%1 %2", "a count and a verdict level: 3 ok")
                          .arg(summary.counts[i])
                          .arg(verdictText(Conformance::Verdict(i)));
        }
    }
    const QString tally = counts.join(QStringLiteral(", "));
    const int warn = summary.count(Conformance::Verdict::Warn);
    const int unverified = summary.count(Conformance::Verdict::Unverified);
    QString text;
    QColor colour;
    if (!summary.validAccepted) {
        text = tr("✗ Does not conform: the valid delivery was not accepted, so the other answers prove nothing (%1).")
                   .arg(tally);
        colour = verdictColor(Conformance::Verdict::Fail);
    } else if (!passed) {
        text = tr("✗ Does not conform: %1 of %2 cases failed (%3). Each failing row says what an attacker could do.")
                   .arg(summary.count(Conformance::Verdict::Fail))
                   .arg(summary.total)
                   .arg(tally);
        colour = verdictColor(Conformance::Verdict::Fail);
    } else {
        text = tr("✓ Conforms: no case failed (%1).").arg(tally);
        if (warn > 0) {
            text += QLatin1Char(' ') + tr("Warnings (hardening gaps worth closing): %1, see the rows.").arg(warn);
        }
        if (unverified > 0) {
            text += QLatin1Char(' ')
                    + tr("Unverified (cannot be judged from outside): %1, confirm them by hand.").arg(unverified);
        }
        colour = verdictColor(warn > 0 ? Conformance::Verdict::Warn : Conformance::Verdict::Ok);
    }
    m_passed = passed;
    m_finished = true;
    m_again->setEnabled(true);
    m_summary->setText(text);
    m_summary->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(colour.name()));
    emit finished(passed);
}

void CheckEndpointDialog::addResult(int index, const Conformance::CaseResult& result)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const auto item = [](const QString& text) {
        auto* cell = new QTableWidgetItem(text);
        cell->setToolTip(text);
        return cell;
    };
    m_table->setItem(row, CaseColumn, item(result.name));
    m_table->setItem(row, ExpectationColumn, item(Conformance::expectationName(result.expectation)));
    m_table->setItem(row, AnswerColumn, item(result.answerText()));
    auto* verdict = item(verdictText(result.verdict));
    verdict->setData(Qt::UserRole, Conformance::verdictName(result.verdict));
    verdict->setTextAlignment(Qt::AlignCenter);
    verdict->setForeground(Qt::white);
    verdict->setBackground(verdictColor(result.verdict));
    m_table->setItem(row, VerdictColumn, verdict);
    QString risk = result.risk;
    if (!result.note.isEmpty()) {
        risk += QStringLiteral("\n") + tr("Note: %1").arg(result.note);
    }
    auto* riskItem = item(risk);
    riskItem->setToolTip(tr("%1\nSent: %2").arg(risk, result.description));
    m_table->setItem(row, RiskColumn, riskItem);
    m_table->resizeRowToContents(row);
    m_progress->setValue(index + 1);
}
