import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Skeleton, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { enterprises, platformKeys } from '../../api/platform.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { canEditEnterprise } from '../auth/permissions.ts';
import { ErrorAlert } from '../../common/errors.tsx';
import { ENTERPRISE_KIND_SECTOR, type ServiceEnterpriseKind } from '@ranre/domain';
import { GasQualityCard } from '../../gas/quality/GasQualityCard.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { EnterpriseDescriptions, ServicePointsTable } from './EnterpriseDetail.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';

/** Enterprise admin's "本企业" page: their own enterprise with an edit form. */
export function OwnEnterprisePage() {
  const { t } = useI18n();
  const user = useUser();
  const [editing, setEditing] = useState(false);
  const queries = useQueryClient();
  const id = user.enterpriseId ?? '';
  const {
    data,
    error,
    isFetching: loading,
  } = useQuery({
    queryKey: platformKeys.enterprise(id),
    queryFn: () => enterprises.get(id),
  });
  const reload = () => void queries.invalidateQueries({ queryKey: platformKeys.enterprises });

  return (
    <div data-testid="page-enterprise">
      <div className="page-title">
        <Typography.Title level={4}>{t('menu.enterprise')}</Typography.Title>
        {data && canEditEnterprise(user, data) ? (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="enterprise-edit"
          >
            {t('common.edit')}
          </Button>
        ) : null}
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <Card>
        {loading && !data ? <Skeleton active /> : null}
        {data ? (
          <>
            <EnterpriseDescriptions enterprise={data} />
            <Typography.Title level={5}>{t('ent.servicePoints')}</Typography.Title>
            <ServicePointsTable points={data.servicePoints} />
          </>
        ) : null}
      </Card>
      {/* G-5.1.8: gas enterprises publish the quality of the gas they supply. */}
      {data &&
      user.enterpriseKind &&
      ENTERPRISE_KIND_SECTOR[user.enterpriseKind as ServiceEnterpriseKind] === 'gas' ? (
        <GasQualityCard />
      ) : null}
      {data ? (
        <EnterpriseForm
          open={editing}
          enterprise={data}
          regulator={false}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
