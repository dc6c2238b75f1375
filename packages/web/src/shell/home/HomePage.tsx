import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { enterprises, platformKeys, staffApi } from '../../api/platform.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { pagesFor } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { EnterpriseDescriptions, ServicePointsTable } from '../../platform/enterprises/EnterpriseDetail.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { KindOverview } from './KindOverview.tsx';

export function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const showExpiring = pagesFor(user.role).includes('certificates');

  const enterpriseId = user.enterpriseId ?? '';
  const ent = useQuery({
    queryKey: platformKeys.enterprise(enterpriseId),
    queryFn: () => enterprises.get(enterpriseId),
    enabled: user.enterpriseId != null,
  });
  const expiring = useQuery({
    queryKey: platformKeys.expiring(30),
    queryFn: () => staffApi.expiring(30),
    enabled: showExpiring,
  });

  const soon = expiring.data?.items.filter((c) => c.daysLeft <= 7).length ?? 0;

  return (
    <div data-testid="page-home">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={showExpiring ? 16 : 24}>
          <Card title={t('home.myEnterprise')} data-testid="home-enterprise">
            <ErrorAlert error={ent.error} onRetry={() => void ent.refetch()} />
            {ent.isLoading ? (
              <Skeleton active />
            ) : ent.data ? (
              <>
                <EnterpriseDescriptions enterprise={ent.data} compact />
                <Typography.Title level={5} style={{ marginTop: 8 }}>
                  {t('ent.servicePoints')}
                </Typography.Title>
                <ServicePointsTable points={ent.data.servicePoints} />
              </>
            ) : ent.error ? null : (
              <Empty description={t('home.noEnterprise')} />
            )}
          </Card>
        </Col>
        {showExpiring ? (
          <Col xs={24} lg={8}>
            <Card data-testid="home-expiring">
              <ErrorAlert error={expiring.error} onRetry={() => void expiring.refetch()} />
              <Statistic
                title={t('home.expiring30')}
                value={expiring.data?.items.length ?? 0}
                loading={expiring.isFetching}
                prefix={<SafetyCertificateOutlined />}
                suffix={t('home.expiringUnit')}
                valueStyle={{ color: soon > 0 ? '#cf1322' : '#1f6fb2' }}
              />
              <Link to="/certificates">{t('home.viewExpiring')} →</Link>
            </Card>
          </Col>
        ) : null}
        {user.role === 'regulator' ? (
          <Col xs={24}>
            <KindOverview />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
